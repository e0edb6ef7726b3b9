package io.openlearn.auth.repository;

import io.openlearn.auth.domain.RoleGrant;
import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The append-only log of role changes. */
@ApplicationScoped
public class RoleAuditRepository {

    private final EntityManager entityManager;

    public RoleAuditRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Person(UUID id, String username) {
    }

    public record Entry(long id, String action, String role, String scope, Person target, Person actor,
            String reason, Instant at) {
    }

    public record Filter(UUID targetId, UUID actorId, String scope, Instant from, Instant to, long afterId,
            int limit) {
    }

    public void append(String action, RoleGrant grant, Person target, Person actor, String reason, Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO role_audit (action, role, scope, target_user_id, target_username, actor_user_id,
                                                actor_username, reason, at)
                        VALUES (:action, :role, :scope, :target, :targetName, :actor, :actorName, :reason, :at)""")
                .setParameter("action", action).setParameter("role", grant.role().wireName())
                .setParameter("scope", grant.scope())
                .setParameter("target", target.id()).setParameter("targetName", target.username())
                .setParameter("actor", actor.id()).setParameter("actorName", actor.username())
                .setParameter("reason", reason).setParameter("at", at)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Entry> list(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT id, action, role, scope, target_user_id, target_username,"
                + " actor_user_id, actor_username, reason, at FROM role_audit WHERE id > :after");
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[] {"after", filter.afterId()});
        condition(sql, params, filter.targetId(), "target_user_id = :target", "target");
        condition(sql, params, filter.actorId(), "actor_user_id = :actor", "actor");
        condition(sql, params, filter.scope(), "scope = :scope", "scope");
        condition(sql, params, filter.from(), "at >= :from", "from");
        condition(sql, params, filter.to(), "at < :to", "to");
        sql.append(" ORDER BY id LIMIT :limit");
        params.add(new Object[] {"limit", filter.limit()});
        var query = entityManager.createNativeQuery(sql.toString());
        params.forEach(p -> query.setParameter((String) p[0], p[1]));
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], new Person((UUID) r[4], (String) r[5]), new Person((UUID) r[6], (String) r[7]),
                (String) r[8], SqlTimes.toInstant(r[9]))).toList();
    }

    private static void condition(StringBuilder sql, List<Object[]> params, Object value, String clause,
            String name) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.add(new Object[] {name, value});
        }
    }
}
