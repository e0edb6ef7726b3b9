package io.openlearn.submission.repository;

import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Staff-granted deadline extensions, one per learner and subsection (granting again replaces it). */
@ApplicationScoped
public class ExtensionRepository {

    private final EntityManager em;

    public ExtensionRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Instant> extendedUntil(UUID learner, String courseKey, String subsectionKey) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                SELECT extended_until FROM due_extension WHERE user_id = ? AND course_key = ? AND subsection_key = ?
                """).setParameter(1, learner).setParameter(2, courseKey).setParameter(3, subsectionKey)
                .getResultList();
        return rows.stream().findFirst().map(SqlTimes::toInstant);
    }

    /** A learner's extensions in a course, by subsection key. */
    public Map<String, Instant> ofLearner(UUID learner, String courseKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT subsection_key, extended_until FROM due_extension WHERE user_id = ? AND course_key = ?
                ORDER BY subsection_key
                """).setParameter(1, learner).setParameter(2, courseKey).getResultList();
        Map<String, Instant> extended = new LinkedHashMap<>();
        rows.forEach(row -> extended.put((String) row[0], SqlTimes.toInstant(row[1])));
        return extended;
    }

    public void grant(UUID learner, String courseKey, String subsectionKey, Instant until, String grantedBy,
            String reason, Instant now) {
        em.createNativeQuery("""
                INSERT INTO due_extension (user_id, course_key, subsection_key, extended_until, granted_by, reason,
                                           granted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, course_key, subsection_key) DO UPDATE SET extended_until = EXCLUDED.extended_until,
                    granted_by = EXCLUDED.granted_by, reason = EXCLUDED.reason, granted_at = EXCLUDED.granted_at
                """).setParameter(1, learner).setParameter(2, courseKey).setParameter(3, subsectionKey)
                .setParameter(4, Timestamp.from(until)).setParameter(5, grantedBy).setParameter(6, reason)
                .setParameter(7, Timestamp.from(now)).executeUpdate();
    }

    public boolean revoke(UUID learner, String courseKey, String subsectionKey) {
        return em
                .createNativeQuery(
                        "DELETE FROM due_extension WHERE user_id = ? AND course_key = ? AND subsection_key = ?")
                .setParameter(1, learner).setParameter(2, courseKey).setParameter(3, subsectionKey)
                .executeUpdate() == 1;
    }
}
