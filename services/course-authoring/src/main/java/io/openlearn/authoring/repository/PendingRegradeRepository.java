package io.openlearn.authoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** Regrades waiting for their collapse window to pass. */
@ApplicationScoped
public class PendingRegradeRepository {

    private final EntityManager entityManager;

    public PendingRegradeRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Due(String courseKey, int policyVersion) {
    }

    /**
     * Records (or moves) the run's pending regrade to the newest version, due at {@code dueAt} but never later than
     * {@code latest} after the first change, so a team that keeps editing still gets its regrade.
     */
    public void schedule(String courseKey, int policyVersion, Instant now, Instant dueAt, java.time.Duration latest) {
        entityManager.createNativeQuery("""
                        INSERT INTO pending_regrade (course_key, policy_version, due_at, first_change_at)
                        VALUES (:key, :version, :due, :now)
                        ON CONFLICT (course_key) DO UPDATE
                           SET policy_version = EXCLUDED.policy_version,
                               due_at = LEAST(EXCLUDED.due_at,
                                              pending_regrade.first_change_at + CAST(:latest AS interval))""")
                .setParameter("key", courseKey).setParameter("version", policyVersion)
                .setParameter("due", dueAt).setParameter("now", now)
                .setParameter("latest", latest.toSeconds() + " seconds").executeUpdate();
    }

    /** Claims due regrades for this replica only (others skip the locked rows) and removes them. */
    @SuppressWarnings("unchecked")
    public List<Due> claimDue(Instant now, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        DELETE FROM pending_regrade WHERE course_key IN (
                            SELECT course_key FROM pending_regrade WHERE due_at <= :now
                            ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING course_key, policy_version""")
                .setParameter("now", now).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Due((String) r[0], ((Number) r[1]).intValue())).toList();
    }
}
