package io.openlearn.enrollment.repository;

import io.openlearn.enrollment.domain.CourseRules;
import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CourseRulesRepository {

    private final EntityManager entityManager;

    public CourseRulesRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Keeps the newest version only: a late or repeated event changes nothing. */
    public void upsert(CourseRules rules, long version, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO course_rules (course_key, enrollment_start, enrollment_end, end_at, invitation_only,
                                                  max_enrollments, version, updated_at)
                        VALUES (:key, :es, :ee, :end, :inv, :max, :version, :now)
                        ON CONFLICT (course_key) DO UPDATE SET enrollment_start = EXCLUDED.enrollment_start,
                            enrollment_end = EXCLUDED.enrollment_end, end_at = EXCLUDED.end_at,
                            invitation_only = EXCLUDED.invitation_only, max_enrollments = EXCLUDED.max_enrollments,
                            version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                        WHERE course_rules.version < EXCLUDED.version""")
                .setParameter("key", rules.courseKey()).setParameter("es", rules.enrollmentStart())
                .setParameter("ee", rules.enrollmentEnd()).setParameter("end", rules.end())
                .setParameter("inv", rules.invitationOnly()).setParameter("max", rules.maxEnrollments())
                .setParameter("version", version).setParameter("now", now).executeUpdate();
    }

    /**
     * The run's rules. A run with a capacity is locked until the transaction ends, so that seat checks for it happen
     * one at a time; a run without one is not, so its enrollments do not queue behind each other.
     */
    public Optional<CourseRules> forEnrollment(String courseKey) {
        Optional<CourseRules> rules = read(courseKey, "");
        return rules.isPresent() && rules.get().maxEnrollments() != null ? read(courseKey, " FOR UPDATE") : rules;
    }

    @SuppressWarnings("unchecked")
    private Optional<CourseRules> read(String courseKey, String lock) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT course_key, enrollment_start, enrollment_end, end_at, invitation_only, max_enrollments
                          FROM course_rules WHERE course_key = :key""" + lock)
                .setParameter("key", courseKey).getResultList();
        return rows.stream().findFirst().map(r -> new CourseRules((String) r[0], SqlTimes.toInstant(r[1]),
                SqlTimes.toInstant(r[2]), SqlTimes.toInstant(r[3]), (Boolean) r[4],
                r[5] == null ? null : ((Number) r[5]).intValue()));
    }

    public boolean isAllowed(String courseKey, java.util.UUID userId) {
        return !entityManager.createNativeQuery(
                "SELECT 1 FROM allowed_learner WHERE course_key = :key AND user_id = :user")
                .setParameter("key", courseKey).setParameter("user", userId).getResultList().isEmpty();
    }

    public void allow(String courseKey, java.util.UUID userId, String by) {
        entityManager.createNativeQuery("""
                        INSERT INTO allowed_learner (course_key, user_id, added_by, added_at)
                        VALUES (:key, :user, :by, now()) ON CONFLICT DO NOTHING""")
                .setParameter("key", courseKey).setParameter("user", userId).setParameter("by", by).executeUpdate();
    }

    public void disallow(String courseKey, java.util.UUID userId) {
        entityManager.createNativeQuery("DELETE FROM allowed_learner WHERE course_key = :key AND user_id = :user")
                .setParameter("key", courseKey).setParameter("user", userId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<java.util.UUID> allowList(String courseKey) {
        return entityManager.createNativeQuery(
                "SELECT user_id FROM allowed_learner WHERE course_key = :key ORDER BY added_at, user_id")
                .setParameter("key", courseKey).getResultList();
    }

    public long activeEnrollments(String courseKey) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM enrollment WHERE course_key = :key AND active")
                .setParameter("key", courseKey).getSingleResult()).longValue();
    }

}
