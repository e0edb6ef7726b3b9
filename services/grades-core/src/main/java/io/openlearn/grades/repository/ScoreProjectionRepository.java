package io.openlearn.grades.repository;

import io.openlearn.grades.domain.ProblemScore;
import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The local projection of submission's scores: the latest per (course, learner, problem). Grading reads it instead
 * of calling submission per learner, and a slice of learners costs one query.
 */
@ApplicationScoped
public class ScoreProjectionRepository {

    private static final String APPLY = "INSERT INTO score_projection (course_key, user_id, item_key, raw_earned,"
            + " raw_possible, sequence, score_id, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (course_key, user_id, item_key) DO UPDATE SET raw_earned = EXCLUDED.raw_earned,"
            + " raw_possible = EXCLUDED.raw_possible, sequence = EXCLUDED.sequence, score_id = EXCLUDED.score_id,"
            + " scored_at = EXCLUDED.scored_at WHERE score_projection.sequence < EXCLUDED.sequence";
    private static final String APPLY_MANY = "INSERT INTO score_projection (course_key, user_id, item_key,"
            + " raw_earned, raw_possible, sequence, score_id, scored_at) SELECT ?, * FROM unnest(?::uuid[],"
            + " ?::varchar[], ?::float8[], ?::float8[], ?::int8[], ?::uuid[], ?::timestamptz[])"
            + " ON CONFLICT (course_key, user_id, item_key) DO UPDATE SET raw_earned = EXCLUDED.raw_earned,"
            + " raw_possible = EXCLUDED.raw_possible, sequence = EXCLUDED.sequence, score_id = EXCLUDED.score_id,"
            + " scored_at = EXCLUDED.scored_at WHERE score_projection.sequence < EXCLUDED.sequence";
    private static final String OF_LEARNERS = LearnerRows.select("score_projection",
            "item_key, raw_earned, raw_possible");

    /** Stores the score unless a newer one (higher sequence) is stored; true when it was stored. */
    public boolean apply(Connection db, ScoreUpdate score) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(APPLY)) {
            upsert.setString(1, score.courseKey());
            upsert.setObject(2, score.userId());
            upsert.setString(3, score.itemKey());
            upsert.setDouble(4, score.rawEarned());
            upsert.setDouble(5, score.rawPossible());
            upsert.setLong(6, score.sequence());
            upsert.setObject(7, score.scoreId());
            SqlTimes.setInstant(upsert, 8, score.scoredAt());
            return upsert.executeUpdate() == 1;
        }
    }

    /**
     * Stores many scores in one statement, each unless a newer one is stored (a resync page).
     *
     * @return how many were stored
     */
    public int applyAll(Connection db, String courseKey, java.util.List<ScoreUpdate> updates) throws SQLException {
        UnnestRows columns = new UnnestRows("uuid", "varchar", "float8", "float8", "int8", "uuid", "timestamptz");
        for (ScoreUpdate score : updates) {
            columns.add(score.userId(), score.itemKey(), score.rawEarned(), score.rawPossible(), score.sequence(),
                    score.scoreId(), score.scoredAt());
        }
        return columns.execute(db, APPLY_MANY, courseKey);
    }

    /** Every score of the given learners in one query: learner to problem key to score. */
    public Map<UUID, Map<String, ProblemScore>> ofLearners(Connection db, String courseKey, Collection<UUID> learners)
            throws SQLException {
        Map<UUID, Map<String, ProblemScore>> scores = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(OF_LEARNERS)) {
            LearnerRows.bind(db, query, courseKey, learners);
            query.setFetchSize(10_000);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    scores.computeIfAbsent(row.getObject(1, UUID.class), u -> new HashMap<>())
                            .put(row.getString(2), new ProblemScore(row.getDouble(3), row.getDouble(4)));
                }
            }
        }
        return scores;
    }
}
