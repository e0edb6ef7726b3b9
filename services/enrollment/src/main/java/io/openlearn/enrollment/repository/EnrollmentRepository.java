package io.openlearn.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EnrollmentRepository implements PanacheRepositoryBase<EnrollmentEntity, UUID> {

    public List<EnrollmentEntity> listOfLearner(UUID userId) {
        return list("userId = ?1 order by createdAt desc", userId);
    }

    public Optional<EnrollmentEntity> find(UUID userId, String courseKey) {
        return find("userId = ?1 and courseKey = ?2", userId, courseKey).firstResultOptional();
    }

    public boolean isActive(UUID userId, String courseKey) {
        return count("userId = ?1 and courseKey = ?2 and active = true", userId, courseKey) > 0;
    }

    public void recordHistory(UUID userId, String courseKey, String action, String fromMode, String toMode,
                              String actor, Instant at) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO enrollment_history (user_id, course_key, action, from_mode, to_mode, actor, at)
                        VALUES (:user, :key, :action, :from, :to, :actor, :at)""")
                .setParameter("user", userId).setParameter("key", courseKey).setParameter("action", action)
                .setParameter("from", fromMode).setParameter("to", toMode).setParameter("actor", actor)
                .setParameter("at", at).executeUpdate();
    }
}
