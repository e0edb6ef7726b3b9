package io.openlearn.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnrollmentRepository implements PanacheRepositoryBase<EnrollmentEntity, UUID> {

    public List<EnrollmentEntity> listOfLearner(UUID userId) {
        return list("userId = ?1 order by createdAt desc", userId);
    }
}
