package io.openlearn.enrollment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
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

    /** Serialises changes to one learner's enrollment in one run, so that two first enrollments make one row. */
    public void lockLearnerInCourse(UUID userId, String courseKey) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))")
                .setParameter("k", userId + "|" + courseKey).getSingleResult();
    }

    /** These learners' enrollments in the run (learners never enrolled are absent). */
    public List<EnrollmentEntity> ofLearners(String courseKey, Collection<UUID> learners) {
        return list("courseKey = ?1 and userId in ?2", courseKey, learners);
    }

    public boolean isActive(UUID userId, String courseKey) {
        return count("userId = ?1 and courseKey = ?2 and active = true", userId, courseKey) > 0;
    }

    /** Keyset page of a run's enrollments in (created, id) order: stable while enrollments come and go. */
    public List<EnrollmentEntity> page(String courseKey, String mode, Boolean active, Instant afterCreated,
            UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("courseKey = :key");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("key", courseKey);
        if (mode != null) {
            where.append(" and mode = :mode");
            params.and("mode", mode);
        }
        if (active != null) {
            where.append(" and active = :active");
            params.and("active", active);
        }
        if (afterCreated != null) {
            where.append(" and (createdAt > :created or (createdAt = :created and id > :id))");
            params.and("created", afterCreated).and("id", afterId);
        }
        return find(where + " order by createdAt, id", params).page(0, limit).list();
    }

    @SuppressWarnings("unchecked")
    public java.util.Map<String, Long> activeCountsByMode(String courseKey) {
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT mode, count(*) FROM enrollment WHERE course_key = :k AND active GROUP BY mode")
                .setParameter("k", courseKey).getResultList();
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
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
