package io.openlearn.grades.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "course_grade")
public class CourseGradeEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public BigDecimal percent;
    @Column(name = "letter_grade")
    public String letterGrade;
    public boolean passed;
    @Column(name = "first_passed_at")
    public Instant firstPassedAt;
    @Column(name = "policy_version")
    public Integer policyVersion;
    @Column(name = "content_version")
    public Integer contentVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "user_id") UUID userId, @Column(name = "course_key") String courseKey)
            implements Serializable {
    }
}
