package io.openlearn.auth.repository;

import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class RevocationRepository {

    private final EntityManager entityManager;

    public RevocationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void revokeToken(String jti, UUID userId, Instant expiresAt, UUID by, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO revoked_token (jti, user_id, expires_at, revoked_at, revoked_by)
                        VALUES (:jti, :user, :exp, :at, :by) ON CONFLICT (jti) DO NOTHING""")
                .setParameter("jti", jti).setParameter("user", userId).setParameter("exp", expiresAt)
                .setParameter("at", at).setParameter("by", by).executeUpdate();
    }

    public void revokeUserTokensBefore(UUID userId, Instant notBefore, UUID by) {
        entityManager.createNativeQuery("""
                        INSERT INTO user_revocation (user_id, not_before, revoked_at, revoked_by)
                        VALUES (:user, :nb, :nb, :by)
                        ON CONFLICT (user_id) DO UPDATE SET not_before = GREATEST(user_revocation.not_before,
                            EXCLUDED.not_before), revoked_at = EXCLUDED.revoked_at, revoked_by = EXCLUDED.revoked_by""")
                .setParameter("user", userId).setParameter("nb", notBefore).setParameter("by", by).executeUpdate();
    }

    /** Revoked tokens that have not expired yet, revoked after {@code since} (all when null). */
    @SuppressWarnings("unchecked")
    public Map<String, Instant> tokensSince(Instant since, Instant now) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT jti, expires_at FROM revoked_token WHERE expires_at > :now AND revoked_at > :since")
                .setParameter("now", now).setParameter("since", since == null ? Instant.EPOCH : since)
                .getResultList();
        Map<String, Instant> result = new HashMap<>();
        rows.forEach(r -> result.put((String) r[0], SqlTimes.toInstant(r[1])));
        return result;
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, Instant> usersSince(Instant since) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT user_id, not_before FROM user_revocation WHERE revoked_at > :since")
                .setParameter("since", since == null ? Instant.EPOCH : since)
                .getResultList();
        Map<UUID, Instant> result = new HashMap<>();
        rows.forEach(r -> result.put((UUID) r[0], SqlTimes.toInstant(r[1])));
        return result;
    }

    /** Revoked tokens past their expiry are refused anyway: forget them. */
    public int purgeExpired(Instant now) {
        return entityManager.createNativeQuery("DELETE FROM revoked_token WHERE expires_at <= :now")
                .setParameter("now", now).executeUpdate();
    }
}
