package io.openlearn.authoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "course_run")
public class CourseRunEntity extends PanacheEntityBase {

    @Id
    @Column(name = "course_key")
    public String courseKey;
    public String org;
    public String number;
    public String run;
    public String title;
    @Column(name = "start_at")
    public Instant start;
    @Column(name = "end_at")
    public Instant end;
    @Column(name = "enrollment_start")
    public Instant enrollmentStart;
    @Column(name = "enrollment_end")
    public Instant enrollmentEnd;
    public String pacing;
    @Column(name = "invitation_only")
    public boolean invitationOnly;
    @Column(name = "max_enrollments")
    public Integer maxEnrollments;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Bumped by every change; the ETag clients send back in If-Match. */
    public long version;
    @Column(name = "rerun_of")
    public String rerunOf;
    /** Days before their start that beta testers see the run and its blocks; null: no head start. */
    @Column(name = "days_early_for_beta")
    public Integer daysEarlyForBeta;
    /** {@code private} or {@code public_outline} (catalog outline for signed-in users who are not enrolled). */
    @Column(name = "course_visibility")
    public String courseVisibility = "private";
}
