package io.openlearn.grades.repository;

import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** course_state: versions only move forward, so a late or duplicated event never grades against an older one. */
@ApplicationScoped
public class CourseStateRepository {

    private static final String FIND = "SELECT policy_version, content_version, course_end, run_version"
            + " FROM course_state WHERE course_key = ?";
    private static final String ADVANCE = "INSERT INTO course_state (course_key, policy_version, content_version,"
            + " course_end, run_version, updated_at) VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT (course_key) DO UPDATE"
            + " SET policy_version = GREATEST(course_state.policy_version, EXCLUDED.policy_version),"
            + " content_version = GREATEST(course_state.content_version, EXCLUDED.content_version),"
            + " course_end = CASE WHEN EXCLUDED.run_version >= course_state.run_version THEN EXCLUDED.course_end"
            + " ELSE course_state.course_end END,"
            + " run_version = GREATEST(course_state.run_version, EXCLUDED.run_version), updated_at = now()";

    public Optional<CourseState> find(Connection db, String courseKey) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(FIND)) {
            query.setString(1, courseKey);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CourseState(courseKey, row.getLong(1), row.getLong(2),
                        SqlTimes.instant(row, 3), row.getLong(4)));
            }
        }
    }

    /** Stores the state, keeping the higher of each stored and given version; returns what is stored after. */
    public CourseState advance(Connection db, CourseState state) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(ADVANCE)) {
            upsert.setString(1, state.courseKey());
            upsert.setLong(2, state.policyVersion());
            upsert.setLong(3, state.contentVersion());
            SqlTimes.setInstant(upsert, 4, state.courseEnd());
            upsert.setLong(5, state.runVersion());
            upsert.executeUpdate();
        }
        return find(db, state.courseKey()).orElseThrow();
    }
}
