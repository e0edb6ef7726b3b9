package io.openlearn.auth.repository;

import io.openlearn.auth.domain.RoleGrant;
import io.openlearn.auth.domain.RoleName;
import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RoleAssignmentRepository {

    private final EntityManager entityManager;

    public RoleAssignmentRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Assignment(long id, UUID userId, String username, String role, String scope, UUID grantedBy,
            Instant grantedAt) {
    }

    public record Filter(UUID userId, String scope, String role, long afterId, int limit) {
    }

    /** The user's grants, platform and scoped, in a stable order. */
    @SuppressWarnings("unchecked")
    public List<RoleGrant> grantsOf(UUID userId) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT role, scope FROM role_assignment WHERE user_id = :user ORDER BY role, scope")
                .setParameter("user", userId)
                .getResultList();
        return rows.stream()
                .flatMap(r -> RoleName.fromWireName((String) r[0]).stream().map(n -> new RoleGrant(n, (String) r[1])))
                .toList();
    }

    public boolean holds(UUID userId, RoleGrant grant) {
        return !entityManager.createNativeQuery(
                "SELECT 1 FROM role_assignment WHERE user_id = :user AND role = :role AND scope = :scope")
                .setParameter("user", userId).setParameter("role", grant.role().wireName())
                .setParameter("scope", grant.scope())
                .getResultList().isEmpty();
    }

    /** Inserts the grant unless the user holds it already; the id of the new row, or empty. */
    @SuppressWarnings("unchecked")
    public Optional<Long> insert(UUID userId, RoleGrant grant, UUID grantedBy, Instant at) {
        List<Number> ids = entityManager.createNativeQuery("""
                        INSERT INTO role_assignment (user_id, role, scope, granted_by, granted_at)
                        VALUES (:user, :role, :scope, :by, :at)
                        ON CONFLICT (user_id, role, scope) DO NOTHING
                        RETURNING id""")
                .setParameter("user", userId).setParameter("role", grant.role().wireName())
                .setParameter("scope", grant.scope()).setParameter("by", grantedBy).setParameter("at", at)
                .getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    public Optional<Assignment> find(long id) {
        return list("a.id = :id", new Filter(null, null, null, 0, 1), id).stream().findFirst();
    }

    public Optional<Assignment> find(UUID userId, RoleGrant grant) {
        return list(new Filter(userId, grant.scope(), grant.role().wireName(), 0, 1)).stream().findFirst();
    }

    public void delete(long id) {
        entityManager.createNativeQuery("DELETE FROM role_assignment WHERE id = :id").setParameter("id", id)
                .executeUpdate();
    }

    public List<Assignment> list(Filter filter) {
        return list(null, filter, null);
    }

    @SuppressWarnings("unchecked")
    private List<Assignment> list(String byId, Filter filter, Long id) {
        StringBuilder sql = new StringBuilder("""
                SELECT a.id, a.user_id, u.username, a.role, a.scope, a.granted_by, a.granted_at
                  FROM role_assignment a JOIN platform_user u ON u.id = a.user_id WHERE a.id > :after""");
        if (byId != null) {
            sql.append(" AND ").append(byId);
        }
        if (filter.userId() != null) {
            sql.append(" AND a.user_id = :user");
        }
        if (filter.scope() != null) {
            sql.append(" AND a.scope = :scope");
        }
        if (filter.role() != null) {
            sql.append(" AND a.role = :role");
        }
        sql.append(" ORDER BY a.id LIMIT :limit");
        var query = entityManager.createNativeQuery(sql.toString())
                .setParameter("after", filter.afterId()).setParameter("limit", filter.limit());
        if (byId != null) {
            query.setParameter("id", id);
        }
        if (filter.userId() != null) {
            query.setParameter("user", filter.userId());
        }
        if (filter.scope() != null) {
            query.setParameter("scope", filter.scope());
        }
        if (filter.role() != null) {
            query.setParameter("role", filter.role());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Assignment(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                (String) r[3], (String) r[4], (UUID) r[5], SqlTimes.toInstant(r[6]))).toList();
    }
}
