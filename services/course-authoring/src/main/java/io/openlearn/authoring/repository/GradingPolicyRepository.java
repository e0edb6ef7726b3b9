package io.openlearn.authoring.repository;

import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Immutable policy versions, stored as the JSON clients exchange. */
@ApplicationScoped
public class GradingPolicyRepository {

    private final EntityManager entityManager;

    public GradingPolicyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record StoredPolicy(String courseKey, int version, String policyJson, String hash, Instant createdAt,
            String createdBy) {
    }

    public void insert(StoredPolicy policy) {
        entityManager.createNativeQuery("""
                        INSERT INTO grading_policy_version (course_key, version, policy, hash, created_at, created_by)
                        VALUES (:key, :version, CAST(:policy AS jsonb), :hash, :at, :by)""")
                .setParameter("key", policy.courseKey()).setParameter("version", policy.version())
                .setParameter("policy", policy.policyJson()).setParameter("hash", policy.hash())
                .setParameter("at", policy.createdAt()).setParameter("by", policy.createdBy())
                .executeUpdate();
    }

    public Optional<StoredPolicy> current(String courseKey) {
        return query("WHERE course_key = :key ORDER BY version DESC LIMIT 1", courseKey, null).stream().findFirst();
    }

    public Optional<StoredPolicy> version(String courseKey, int version) {
        return query("WHERE course_key = :key AND version = :version", courseKey, version).stream().findFirst();
    }

    public List<StoredPolicy> all(String courseKey) {
        return query("WHERE course_key = :key ORDER BY version DESC", courseKey, null);
    }

    @SuppressWarnings("unchecked")
    private List<StoredPolicy> query(String where, String courseKey, Integer version) {
        var query = entityManager.createNativeQuery("SELECT course_key, version, CAST(policy AS text), hash,"
                + " created_at, created_by FROM grading_policy_version " + where).setParameter("key", courseKey);
        if (version != null) {
            query.setParameter("version", version);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new StoredPolicy((String) r[0], ((Number) r[1]).intValue(), (String) r[2],
                (String) r[3], SqlTimes.toInstant(r[4]), (String) r[5])).toList();
    }

}
