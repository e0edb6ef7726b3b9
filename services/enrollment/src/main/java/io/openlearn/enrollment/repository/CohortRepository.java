package io.openlearn.enrollment.repository;

import io.openlearn.enrollment.domain.Cohort;
import io.openlearn.enrollment.domain.CohortAssignment;
import io.openlearn.enrollment.domain.CohortScheme;
import io.openlearn.enrollment.domain.ContentGroupLink;
import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Cohort settings, cohorts, memberships and their history (V3__cohorts.sql). */
@ApplicationScoped
public class CohortRepository {

    private static final String COHORT_COLUMNS = "id, course_key, name, content_partition_id, content_group_id";

    private final EntityManager entityManager;

    public CohortRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A run's cohort setting; a run nobody configured is not cohorted. */
    public record Settings(String courseKey, CohortScheme scheme, CohortAssignment assignment, long roundRobinNext,
            String updatedBy, Instant updatedAt) {

        public static Settings off(String courseKey) {
            return new Settings(courseKey, CohortScheme.OFF, CohortAssignment.RANDOM, 0, null, null);
        }
    }

    public record Member(UUID userId, Instant assignedAt) {
    }

    public record HistoryEntry(UUID fromCohort, UUID toCohort, String cause, String actor, Instant at) {
    }

    public Settings settings(String courseKey) {
        return settingsRow(courseKey, "").orElseGet(() -> Settings.off(courseKey));
    }

    /** The setting, locked until the transaction ends: round-robin placements of one run happen one at a time. */
    public Optional<Settings> lockSettings(String courseKey) {
        return settingsRow(courseKey, " FOR UPDATE");
    }

    @SuppressWarnings("unchecked")
    private Optional<Settings> settingsRow(String courseKey, String lock) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT course_key, scheme, assignment, round_robin_next,"
                + " updated_by, updated_at FROM cohort_settings WHERE course_key = :key" + lock)
                .setParameter("key", courseKey).getResultList();
        return rows.stream().findFirst().map(r -> new Settings((String) r[0],
                CohortScheme.fromWireName((String) r[1]).orElseThrow(),
                CohortAssignment.fromWireName((String) r[2]).orElseThrow(), ((Number) r[3]).longValue(),
                (String) r[4], SqlTimes.toInstant(r[5])));
    }

    public void saveSettings(String courseKey, CohortScheme scheme, CohortAssignment assignment, String actor,
            Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO cohort_settings (course_key, scheme, assignment, updated_by, updated_at)
                        VALUES (:key, :scheme, :assignment, :actor, :now)
                        ON CONFLICT (course_key) DO UPDATE SET scheme = EXCLUDED.scheme,
                            assignment = EXCLUDED.assignment, updated_by = EXCLUDED.updated_by,
                            updated_at = EXCLUDED.updated_at""")
                .setParameter("key", courseKey).setParameter("scheme", scheme.wireName())
                .setParameter("assignment", assignment.wireName()).setParameter("actor", actor)
                .setParameter("now", now).executeUpdate();
    }

    public void advanceRoundRobin(String courseKey) {
        entityManager.createNativeQuery(
                "UPDATE cohort_settings SET round_robin_next = round_robin_next + 1 WHERE course_key = :key")
                .setParameter("key", courseKey).executeUpdate();
    }

    /** The run's cohorts in creation order. */
    @SuppressWarnings("unchecked")
    public List<Cohort> cohorts(String courseKey) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COHORT_COLUMNS
                + " FROM cohort WHERE course_key = :key ORDER BY created_at, id")
                .setParameter("key", courseKey).getResultList();
        return rows.stream().map(CohortRepository::cohort).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<Cohort> cohort(String courseKey, UUID id) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COHORT_COLUMNS
                + " FROM cohort WHERE course_key = :key AND id = :id")
                .setParameter("key", courseKey).setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(CohortRepository::cohort);
    }

    /** Whether another cohort of the run has this name, compared ignoring case as the unique index does. */
    public boolean nameTaken(String courseKey, String name, UUID except) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM cohort WHERE course_key = :key"
                + " AND lower(name) = lower(:name) AND id <> :except")
                .setParameter("key", courseKey).setParameter("name", name)
                .setParameter("except", except == null ? new UUID(0, 0) : except).getSingleResult()).longValue() > 0;
    }

    public void insert(Cohort cohort, Instant now) {
        ContentGroupLink link = cohort.contentGroup();
        entityManager.createNativeQuery("INSERT INTO cohort (" + COHORT_COLUMNS + ", created_at)"
                + " VALUES (:id, :key, :name, :partition, :group, :now)")
                .setParameter("id", cohort.id()).setParameter("key", cohort.courseKey())
                .setParameter("name", cohort.name())
                .setParameter("partition", link == null ? null : link.partitionId())
                .setParameter("group", link == null ? null : link.groupId())
                .setParameter("now", now).executeUpdate();
    }

    public void update(Cohort cohort) {
        ContentGroupLink link = cohort.contentGroup();
        entityManager.createNativeQuery("UPDATE cohort SET name = :name, content_partition_id = :partition,"
                + " content_group_id = :group WHERE id = :id")
                .setParameter("id", cohort.id()).setParameter("name", cohort.name())
                .setParameter("partition", link == null ? null : link.partitionId())
                .setParameter("group", link == null ? null : link.groupId()).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, Long> memberCounts(String courseKey) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT cohort_id, count(*) FROM cohort_membership"
                + " WHERE course_key = :key GROUP BY cohort_id").setParameter("key", courseKey).getResultList();
        Map<UUID, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    /** The learner's cohort in this run, if any. */
    public Optional<UUID> membership(String courseKey, UUID userId) {
        return entityManager.createNativeQuery("SELECT cohort_id FROM cohort_membership WHERE course_key = :key"
                + " AND user_id = :user", UUID.class).setParameter("key", courseKey).setParameter("user", userId)
                .getResultStream().findFirst().map(UUID.class::cast);
    }

    /** The cohorts of these learners in this run: learner to cohort id (learners in none are absent). */
    @SuppressWarnings("unchecked")
    public Map<UUID, UUID> memberships(String courseKey, Collection<UUID> learners) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT user_id, cohort_id FROM cohort_membership"
                + " WHERE course_key = :key AND user_id = ANY(:users)").setParameter("key", courseKey)
                .setParameter("users", learners.toArray(UUID[]::new)).getResultList();
        Map<UUID, UUID> cohortOf = new HashMap<>();
        rows.forEach(r -> cohortOf.put((UUID) r[0], (UUID) r[1]));
        return cohortOf;
    }

    public void place(String courseKey, UUID userId, UUID cohortId, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO cohort_membership (course_key, user_id, cohort_id, assigned_at)
                        VALUES (:key, :user, :cohort, :now)
                        ON CONFLICT (course_key, user_id) DO UPDATE SET cohort_id = EXCLUDED.cohort_id,
                            assigned_at = EXCLUDED.assigned_at""")
                .setParameter("key", courseKey).setParameter("user", userId).setParameter("cohort", cohortId)
                .setParameter("now", now).executeUpdate();
    }

    /** Keyset page of a cohort's members in user-id order. */
    @SuppressWarnings("unchecked")
    public List<Member> members(UUID cohortId, UUID after, int limit) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT user_id, assigned_at FROM cohort_membership"
                + " WHERE cohort_id = :cohort AND user_id > :after ORDER BY user_id LIMIT :limit")
                .setParameter("cohort", cohortId).setParameter("after", after == null ? new UUID(0, 0) : after)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Member((UUID) r[0], SqlTimes.toInstant(r[1]))).toList();
    }

    public void recordHistory(String courseKey, UUID userId, UUID from, UUID to, String cause, String actor,
            Instant at) {
        entityManager.createNativeQuery("""
                        INSERT INTO cohort_history (course_key, user_id, from_cohort, to_cohort, cause, actor, at)
                        VALUES (:key, :user, :from, :to, :cause, :actor, :at)""")
                .setParameter("key", courseKey).setParameter("user", userId).setParameter("from", from)
                .setParameter("to", to).setParameter("cause", cause).setParameter("actor", actor)
                .setParameter("at", at).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<HistoryEntry> history(String courseKey, UUID userId) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT from_cohort, to_cohort, cause, actor, at"
                + " FROM cohort_history WHERE course_key = :key AND user_id = :user ORDER BY id")
                .setParameter("key", courseKey).setParameter("user", userId).getResultList();
        return rows.stream().map(r -> new HistoryEntry((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                SqlTimes.toInstant(r[4]))).toList();
    }

    private static Cohort cohort(Object[] row) {
        ContentGroupLink link = row[3] == null ? null
                : new ContentGroupLink(((Number) row[3]).intValue(), ((Number) row[4]).intValue());
        return new Cohort((UUID) row[0], (String) row[1], (String) row[2], link);
    }
}
