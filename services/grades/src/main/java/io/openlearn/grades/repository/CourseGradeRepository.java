package io.openlearn.grades.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CourseGradeRepository implements PanacheRepositoryBase<CourseGradeEntity, CourseGradeEntity.Key> {

    public List<CourseGradeEntity> ofLearner(UUID userId) {
        return list("key.userId = ?1 order by key.courseKey", userId);
    }
}
