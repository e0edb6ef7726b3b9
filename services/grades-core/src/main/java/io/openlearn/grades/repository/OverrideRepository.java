package io.openlearn.grades.repository;

import io.openlearn.grades.domain.SubsectionOverride;
import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Current subsection overrides and the history of every set and clear (who, what, why). */
@ApplicationScoped
public class OverrideRepository {

    private static final String OF_LEARNERS = LearnerRows.select("grade_override",
            "subsection_key, earned_graded, possible_graded, earned_all, possible_all");
    private static final String UPSERT = "INSERT INTO grade_override (id, course_key, user_id, subsection_key,"
            + " earned_graded, possible_graded, earned_all, possible_all, reason, created_by, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (course_key, user_id, subsection_key) DO UPDATE"
            + " SET id = EXCLUDED.id, earned_graded = EXCLUDED.earned_graded,"
            + " possible_graded = EXCLUDED.possible_graded, earned_all = EXCLUDED.earned_all,"
            + " possible_all = EXCLUDED.possible_all, reason = EXCLUDED.reason, created_by = EXCLUDED.created_by,"
            + " created_at = EXCLUDED.created_at";
    private static final String DELETE = "DELETE FROM grade_override WHERE course_key = ? AND user_id = ?"
            + " AND subsection_key = ? RETURNING id";
    private static final String LOG = "INSERT INTO grade_override_change (override_id, course_key, user_id,"
            + " subsection_key, action, earned_graded, possible_graded, earned_all, possible_all, reason, actor, at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HISTORY = "SELECT override_id, subsection_key, action, earned_graded,"
            + " possible_graded, earned_all, possible_all, reason, actor, at FROM grade_override_change"
            + " WHERE course_key = ? AND user_id = ? ORDER BY id DESC LIMIT ?";

    public Map<UUID, Map<String, SubsectionOverride>> ofLearners(Connection db, String courseKey,
            Collection<UUID> learners) throws SQLException {
        Map<UUID, Map<String, SubsectionOverride>> overrides = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(OF_LEARNERS)) {
            LearnerRows.bind(db, query, courseKey, learners);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    overrides.computeIfAbsent(row.getObject(1, UUID.class), u -> new HashMap<>())
                            .put(row.getString(2), values(row, 3));
                }
            }
        }
        return overrides;
    }

    /** Sets (or replaces) the override and logs it. */
    public void set(Connection db, OverrideRecord override) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(UPSERT)) {
            upsert.setObject(1, override.id());
            upsert.setString(2, override.courseKey());
            upsert.setObject(3, override.userId());
            upsert.setString(4, override.subsectionKey());
            bindValues(upsert, 5, override.values());
            upsert.setString(9, override.reason());
            upsert.setString(10, override.actor());
            SqlTimes.setInstant(upsert, 11, override.at());
            upsert.executeUpdate();
        }
        log(db, override);
    }

    /** Clears the override and logs it; empty when there was none. */
    public Optional<UUID> clear(Connection db, OverrideRecord clearing) throws SQLException {
        UUID cleared;
        try (PreparedStatement delete = db.prepareStatement(DELETE)) {
            delete.setString(1, clearing.courseKey());
            delete.setObject(2, clearing.userId());
            delete.setString(3, clearing.subsectionKey());
            try (ResultSet row = delete.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                cleared = row.getObject(1, UUID.class);
            }
        }
        log(db, new OverrideRecord(cleared, clearing.courseKey(), clearing.userId(), clearing.subsectionKey(),
                "cleared", null, clearing.reason(), clearing.actor(), clearing.at()));
        return Optional.of(cleared);
    }

    public List<OverrideRecord> history(Connection db, String courseKey, UUID userId, int limit) throws SQLException {
        List<OverrideRecord> history = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(HISTORY)) {
            query.setString(1, courseKey);
            query.setObject(2, userId);
            query.setInt(3, limit);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String action = row.getString(3);
                    history.add(new OverrideRecord(row.getObject(1, UUID.class), courseKey, userId, row.getString(2),
                            action, "set".equals(action) ? values(row, 4) : null, row.getString(8),
                            row.getString(9), SqlTimes.instant(row, 10)));
                }
            }
        }
        return history;
    }

    private static void log(Connection db, OverrideRecord override) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(LOG)) {
            insert.setObject(1, override.id());
            insert.setString(2, override.courseKey());
            insert.setObject(3, override.userId());
            insert.setString(4, override.subsectionKey());
            insert.setString(5, override.action());
            bindValues(insert, 6, override.values());
            insert.setString(10, override.reason());
            insert.setString(11, override.actor());
            SqlTimes.setInstant(insert, 12, override.at());
            insert.executeUpdate();
        }
    }

    private static void bindValues(PreparedStatement statement, int first, SubsectionOverride values)
            throws SQLException {
        Double[] fields = values == null ? new Double[4]
                : new Double[] {values.earnedGraded(), values.possibleGraded(), values.earnedAll(),
                        values.possibleAll()};
        for (int i = 0; i < 4; i++) {
            if (fields[i] == null) {
                statement.setNull(first + i, Types.DOUBLE);
            } else {
                statement.setDouble(first + i, fields[i]);
            }
        }
    }

    private static SubsectionOverride values(ResultSet row, int first) throws SQLException {
        Double[] fields = new Double[4];
        for (int i = 0; i < 4; i++) {
            double value = row.getDouble(first + i);
            fields[i] = row.wasNull() ? null : value;
        }
        return new SubsectionOverride(fields[0], fields[1], fields[2], fields[3]);
    }
}
