package io.openlearn.submission.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads: a learner's submissions with their latest score, a course's for staff, filtered and keyset-paged. */
@ApplicationScoped
public class SubmissionQueries {

    private final EntityManager em;
    private final ObjectMapper json;

    public SubmissionQueries(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** One submission with the latest score given to it (its auto score, or a later rescore). */
    public record SubmissionRow(UUID id, UUID userId, String itemKey, int attemptNumber, JsonNode answer,
            Instant submittedAt, Double earned, Double possible) {
    }

    /** Where a page ended: the last row's time and id. */
    public record Cursor(Instant submittedAt, UUID id) {
    }

    public record ItemSummary(String itemKey, int attemptsUsed, Double latestEarned, Double latestPossible,
            Double highestEarned, Double highestPossible) {
    }

    private static final String SELECT = """
            SELECT s.id, i.user_id, i.item_key, s.attempt_number, CAST(s.answer AS TEXT), s.submitted_at,
                   sc.points_earned, sc.points_possible
              FROM submission s
              JOIN student_item i ON i.id = s.student_item_id
              LEFT JOIN LATERAL (SELECT points_earned, points_possible FROM score
                                  WHERE submission_id = s.id ORDER BY sequence DESC LIMIT 1) sc ON TRUE
            """;

    @SuppressWarnings("unchecked")
    public List<SubmissionRow> page(String courseKey, UUID userId, String itemKey, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE i.course_key = :course");
        if (userId != null) {
            sql.append(" AND i.user_id = :user");
        }
        if (itemKey != null) {
            sql.append(" AND i.item_key = :item");
        }
        if (after != null) {
            sql.append(" AND (s.submitted_at, s.id) < (:afterTime, :afterId)");
        }
        sql.append(" ORDER BY s.submitted_at DESC, s.id DESC LIMIT :limit");
        Query query = em.createNativeQuery(sql.toString()).setParameter("course", courseKey)
                .setParameter("limit", limit);
        if (userId != null) {
            query.setParameter("user", userId);
        }
        if (itemKey != null) {
            query.setParameter("item", itemKey);
        }
        if (after != null) {
            query.setParameter("afterTime", Timestamp.from(after.submittedAt())).setParameter("afterId", after.id());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new SubmissionRow((UUID) r[0], (UUID) r[1], (String) r[2],
                ((Number) r[3]).intValue(), answer((String) r[4]), SqlTimes.toInstant(r[5]),
                r[6] == null ? null : ((Number) r[6]).doubleValue(),
                r[7] == null ? null : ((Number) r[7]).doubleValue())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<ItemSummary> summaries(UUID userId, String courseKey) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT i.item_key, i.attempts_used, ss.latest_earned, ss.latest_possible, ss.highest_earned,
                       ss.highest_possible
                  FROM student_item i LEFT JOIN score_summary ss ON ss.student_item_id = i.id
                 WHERE i.user_id = :user AND i.course_key = :course ORDER BY i.item_key
                """).setParameter("user", userId).setParameter("course", courseKey).getResultList();
        return rows.stream().map(r -> new ItemSummary((String) r[0], ((Number) r[1]).intValue(), dbl(r[2]),
                dbl(r[3]), dbl(r[4]), dbl(r[5]))).toList();
    }

    /** The latest score of a course's student items, with its sequence, in student-item order (keyset). */
    public record LatestScore(UUID studentItemId, UUID userId, String itemKey, UUID scoreId, String kind,
            double earned, double possible, long sequence, java.time.Instant scoredAt) {
    }

    @SuppressWarnings("unchecked")
    public List<LatestScore> latestScores(String courseKey, UUID after, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT i.id, i.user_id, i.item_key, s.id, s.kind, s.points_earned, s.points_possible, s.sequence,
                       s.created_at
                  FROM student_item i JOIN score_summary ss ON ss.student_item_id = i.id
                  JOIN score s ON s.id = ss.latest_score_id
                 WHERE i.course_key = :course AND i.id > :after ORDER BY i.id LIMIT :limit
                """).setParameter("course", courseKey).setParameter("after", after == null ? new UUID(0, 0) : after)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new LatestScore((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3],
                (String) r[4], ((Number) r[5]).doubleValue(), ((Number) r[6]).doubleValue(),
                ((Number) r[7]).longValue(), io.openlearn.kit.persistence.SqlTimes.toInstant(r[8]))).toList();
    }

    private JsonNode answer(String stored) {
        try {
            return json.readTree(stored);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored answer is always JSON", e);
        }
    }

    private static Double dbl(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
