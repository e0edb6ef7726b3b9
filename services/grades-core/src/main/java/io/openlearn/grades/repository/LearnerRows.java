package io.openlearn.grades.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Reads the rows of some learners in one course: one index descent on (course_key, user_id) per learner, whatever
 * the table's statistics say. The plain {@code course_key = ? AND user_id = ANY (?)} lets the planner match the
 * index on the course alone and filter the learners; it does that when the course looks small, as a course new
 * since the last ANALYZE does, and a single learner's STREAM grading then reads the whole course, a cost that grows
 * with the course (figures in docs/benchmarks.md, STREAM). The lateral subquery (kept apart from the join by
 * {@code OFFSET 0}) can only be run per learner.
 */
public final class LearnerRows {

    private LearnerRows() {
    }

    /** {@code SELECT user_id, <columns> ...}; parameters: the learners, then the course key. */
    public static String select(String table, String columns) {
        return "SELECT l.user_id, t.* FROM unnest(?::uuid[]) AS l(user_id) CROSS JOIN LATERAL (SELECT " + columns
                + " FROM " + table + " WHERE course_key = ? AND user_id = l.user_id OFFSET 0) AS t";
    }

    static void bind(Connection db, PreparedStatement query, String courseKey, Collection<UUID> learners)
            throws SQLException {
        query.setArray(1, db.createArrayOf("uuid", learners.toArray()));
        query.setString(2, courseKey);
    }
}
