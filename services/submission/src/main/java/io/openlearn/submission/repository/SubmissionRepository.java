package io.openlearn.submission.repository;

import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Student items, submissions and scores, in native SQL. Writes happen inside the caller's transaction with the
 * student item row locked, so attempts and score sequences of one item never interleave.
 */
@ApplicationScoped
public class SubmissionRepository {

    private final EntityManager em;

    public SubmissionRepository(EntityManager em) {
        this.em = em;
    }

    public record ItemState(UUID id, UUID userId, String courseKey, String itemKey, int attemptsUsed,
            int lastAttempt, long eventSequence) {
    }

    public record StoredSubmission(UUID id, UUID itemId, int attemptNumber, String answerJson, Instant submittedAt,
            Integer contentVersion) {
    }

    public record StoredScore(UUID id, UUID itemId, UUID submissionId, String kind, double earned, double possible,
            long sequence, String annotatedBy, String annotation, Instant createdAt) {
    }

    /** The learner's item, created on first use, locked until the transaction ends. */
    public ItemState lockItem(UUID userId, String courseKey, String itemKey, String itemType) {
        em.createNativeQuery("""
                INSERT INTO student_item (id, user_id, course_key, item_key, item_type) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user_id, course_key, item_key) DO NOTHING
                """).setParameter(1, UUID.randomUUID()).setParameter(2, userId).setParameter(3, courseKey)
                .setParameter(4, itemKey).setParameter(5, itemType).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT id, user_id, course_key, item_key, attempts_used, last_attempt, event_sequence
                  FROM student_item WHERE user_id = ? AND course_key = ? AND item_key = ? FOR UPDATE
                """).setParameter(1, userId).setParameter(2, courseKey).setParameter(3, itemKey).getSingleResult();
        return item(row);
    }

    /** An existing item locked, or empty when the learner never answered it. */
    public Optional<ItemState> lockExisting(UUID userId, String courseKey, String itemKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, user_id, course_key, item_key, attempts_used, last_attempt, event_sequence
                  FROM student_item WHERE user_id = ? AND course_key = ? AND item_key = ? FOR UPDATE
                """).setParameter(1, userId).setParameter(2, courseKey).setParameter(3, itemKey).getResultList();
        return rows.stream().findFirst().map(SubmissionRepository::item);
    }

    /** A submission recorded under an Idempotency-Key, with its first (auto) score and the item's attempts. */
    public record Replay(StoredSubmission submission, StoredScore firstScore, int attemptsUsed) {
    }

    public Optional<Replay> findReplay(UUID userId, String courseKey, String itemKey, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT s.id, s.student_item_id, s.attempt_number, CAST(s.answer AS TEXT), s.submitted_at,
                       s.content_version, i.attempts_used
                  FROM submission s JOIN student_item i ON i.id = s.student_item_id
                 WHERE i.user_id = ? AND i.course_key = ? AND i.item_key = ? AND s.idempotency_key = ?
                """).setParameter(1, userId).setParameter(2, courseKey).setParameter(3, itemKey).setParameter(4, key)
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            StoredSubmission submission = submission(r);
            @SuppressWarnings("unchecked")
            List<Object[]> scores = em.createNativeQuery(SCORE_COLUMNS + " WHERE submission_id = ? ORDER BY sequence")
                    .setParameter(1, submission.id()).setMaxResults(1).getResultList();
            return new Replay(submission, score(scores.get(0)), ((Number) r[6]).intValue());
        });
    }

    /** Whether the item's latest score is a reset (then there is nothing to rescore). */
    public boolean latestIsReset(UUID itemId) {
        @SuppressWarnings("unchecked")
        List<Object> rows =
                em.createNativeQuery("SELECT kind FROM score WHERE student_item_id = ? ORDER BY sequence DESC")
                        .setParameter(1, itemId).setMaxResults(1).getResultList();
        return !rows.isEmpty() && "reset".equals(rows.get(0));
    }

    public Optional<StoredSubmission> findByIdempotencyKey(UUID itemId, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, student_item_id, attempt_number, CAST(answer AS TEXT), submitted_at, content_version
                  FROM submission WHERE student_item_id = ? AND idempotency_key = ?
                """).setParameter(1, itemId).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(SubmissionRepository::submission);
    }

    public StoredSubmission insertSubmission(ItemState item, String answerJson, String idempotencyKey,
            int contentVersion, Instant now) {
        UUID id = UUID.randomUUID();
        int attempt = item.lastAttempt() + 1;
        em.createNativeQuery("""
                INSERT INTO submission (id, student_item_id, attempt_number, answer, submitted_at, idempotency_key,
                                        content_version)
                VALUES (?, ?, ?, CAST(? AS JSONB), ?, ?, ?)
                """).setParameter(1, id).setParameter(2, item.id()).setParameter(3, attempt)
                .setParameter(4, answerJson).setParameter(5, Timestamp.from(now)).setParameter(6, idempotencyKey)
                .setParameter(7, contentVersion).executeUpdate();
        em.createNativeQuery("UPDATE student_item SET attempts_used = attempts_used + 1, last_attempt = ? WHERE id = ?")
                .setParameter(1, attempt).setParameter(2, item.id()).executeUpdate();
        return new StoredSubmission(id, item.id(), attempt, answerJson, now, contentVersion);
    }

    /** Appends a score with the item's next sequence number and keeps the summary in step. */
    public StoredScore appendScore(UUID itemId, UUID submissionId, String kind, double earned, double possible,
            String annotatedBy, String annotation, Instant now) {
        long sequence = ((Number) em.createNativeQuery(
                "UPDATE student_item SET event_sequence = event_sequence + 1 WHERE id = ? RETURNING event_sequence")
                .setParameter(1, itemId).getSingleResult()).longValue();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO score (id, student_item_id, submission_id, kind, points_earned, points_possible, sequence,
                                   annotated_by, annotation, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).setParameter(1, id).setParameter(2, itemId).setParameter(3, submissionId).setParameter(4, kind)
                .setParameter(5, earned).setParameter(6, possible).setParameter(7, sequence)
                .setParameter(8, annotatedBy).setParameter(9, annotation).setParameter(10, Timestamp.from(now))
                .executeUpdate();
        boolean reset = "reset".equals(kind);
        em.createNativeQuery("""
                INSERT INTO score_summary (student_item_id, latest_score_id, latest_earned, latest_possible,
                                           highest_score_id, highest_earned, highest_possible)
                VALUES (?1, ?2, ?3, ?4, CASE WHEN ?5 THEN NULL ELSE ?2 END, CASE WHEN ?5 THEN NULL ELSE ?3 END,
                        CASE WHEN ?5 THEN NULL ELSE ?4 END)
                ON CONFLICT (student_item_id) DO UPDATE SET
                    latest_score_id = ?2, latest_earned = ?3, latest_possible = ?4,
                    highest_score_id = CASE WHEN ?5 THEN NULL
                        WHEN score_summary.highest_score_id IS NULL
                          OR ?3 / NULLIF(?4, 0) > score_summary.highest_earned / NULLIF(score_summary.highest_possible, 0)
                        THEN ?2 ELSE score_summary.highest_score_id END,
                    highest_earned = CASE WHEN ?5 THEN NULL
                        WHEN score_summary.highest_score_id IS NULL
                          OR ?3 / NULLIF(?4, 0) > score_summary.highest_earned / NULLIF(score_summary.highest_possible, 0)
                        THEN ?3 ELSE score_summary.highest_earned END,
                    highest_possible = CASE WHEN ?5 THEN NULL
                        WHEN score_summary.highest_score_id IS NULL
                          OR ?3 / NULLIF(?4, 0) > score_summary.highest_earned / NULLIF(score_summary.highest_possible, 0)
                        THEN ?4 ELSE score_summary.highest_possible END
                """).setParameter(1, itemId).setParameter(2, id).setParameter(3, earned).setParameter(4, possible)
                .setParameter(5, reset).executeUpdate();
        return new StoredScore(id, itemId, submissionId, kind, earned, possible, sequence, annotatedBy, annotation,
                now);
    }

    public void clearAttempts(UUID itemId) {
        em.createNativeQuery("UPDATE student_item SET attempts_used = 0 WHERE id = ?").setParameter(1, itemId)
                .executeUpdate();
    }

    public Optional<StoredSubmission> latestSubmission(UUID itemId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, student_item_id, attempt_number, CAST(answer AS TEXT), submitted_at, content_version
                  FROM submission WHERE student_item_id = ? ORDER BY attempt_number DESC
                """).setParameter(1, itemId).setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(SubmissionRepository::submission);
    }

    /** The learners who answered an item, in user order after {@code after}, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<UUID> learnersOfItem(String courseKey, String itemKey, UUID after, int limit) {
        List<Object> rows = em.createNativeQuery("""
                SELECT user_id FROM student_item WHERE course_key = ? AND item_key = ? AND user_id > ?
                 ORDER BY user_id LIMIT ?
                """).setParameter(1, courseKey).setParameter(2, itemKey)
                .setParameter(3, after == null ? new UUID(0, 0) : after)
                .setParameter(4, limit).getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    static final String SCORE_COLUMNS = """
            SELECT id, student_item_id, submission_id, kind, points_earned, points_possible, sequence, annotated_by,
                   annotation, created_at FROM score""";

    private static ItemState item(Object[] r) {
        return new ItemState((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), ((Number) r[6]).longValue());
    }

    private static StoredSubmission submission(Object[] r) {
        return new StoredSubmission((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3],
                SqlTimes.toInstant(r[4]), r[5] == null ? null : ((Number) r[5]).intValue());
    }

    static StoredScore score(Object[] r) {
        return new StoredScore((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], ((Number) r[4]).doubleValue(),
                ((Number) r[5]).doubleValue(), ((Number) r[6]).longValue(), (String) r[7], (String) r[8],
                SqlTimes.toInstant(r[9]));
    }
}
