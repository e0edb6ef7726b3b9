package io.openlearn.grades.repository;

import io.openlearn.kit.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A course's course grades for staff, filtered and keyset-paginated on (percent, learner) or (learner), so a page
 * costs an index range scan however deep it is ({@code ix_course_grade_gradebook}).
 */
@ApplicationScoped
public class GradebookRepository {

    public enum Sort {
        PERCENT_ASC, PERCENT_DESC, LEARNER
    }

    /**
     * Filters; null fields do not filter. {@code enrolledOnly}: without learners who left the course;
     * {@code learners}: only these (a cohort's or a track's, as enrollment listed them).
     */
    public record Filter(Boolean passed, Double minPercent, Double maxPercent, String letterGrade,
            boolean enrolledOnly, Collection<UUID> learners) {

        public Filter(Boolean passed, Double minPercent, Double maxPercent, String letterGrade,
                boolean enrolledOnly) {
            this(passed, minPercent, maxPercent, letterGrade, enrolledOnly, null);
        }

        public Filter onlyOf(Collection<UUID> kept) {
            return new Filter(passed, minPercent, maxPercent, letterGrade, enrolledOnly, kept);
        }
    }

    /** Where the previous page ended. */
    public record After(double percent, UUID userId) {
    }

    public record Row(UUID userId, double percent, String letterGrade, boolean passed, Instant firstPassedAt,
            Instant updatedAt) {
    }

    public List<Row> page(Connection db, String courseKey, Filter filter, Sort sort, After after, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT user_id, percent, letter_grade, passed, first_passed_at,"
                + " updated_at FROM course_grade WHERE course_key = ?"
                + " AND (?::boolean IS NULL OR passed = ?::boolean)"
                + " AND (?::float8 IS NULL OR percent >= ?::float8) AND (?::float8 IS NULL OR percent <= ?::float8)"
                + " AND (?::varchar IS NULL OR letter_grade = ?::varchar)"
                + (filter.enrolledOnly() ? " AND NOT EXISTS (SELECT 1 FROM course_departure d"
                        + " WHERE d.course_key = course_grade.course_key AND d.user_id = course_grade.user_id)" : "")
                + (filter.learners() != null ? " AND user_id = ANY (?)" : ""));
        if (after != null) {
            sql.append(switch (sort) {
                case PERCENT_ASC -> " AND (percent, user_id) > (?, ?)";
                case PERCENT_DESC -> " AND (percent, user_id) < (?, ?)";
                case LEARNER -> " AND user_id > ?";
            });
        }
        sql.append(switch (sort) {
            case PERCENT_ASC -> " ORDER BY percent, user_id";
            case PERCENT_DESC -> " ORDER BY percent DESC, user_id DESC";
            case LEARNER -> " ORDER BY user_id";
        }).append(" LIMIT ?");
        try (PreparedStatement query = db.prepareStatement(sql.toString())) {
            int i = 1;
            query.setString(i++, courseKey);
            i = bindTwice(query, i, filter.passed(), Types.BOOLEAN);
            i = bindTwice(query, i, filter.minPercent(), Types.DOUBLE);
            i = bindTwice(query, i, filter.maxPercent(), Types.DOUBLE);
            i = bindTwice(query, i, filter.letterGrade(), Types.VARCHAR);
            if (filter.learners() != null) {
                query.setArray(i++, db.createArrayOf("uuid", filter.learners().toArray()));
            }
            if (after != null) {
                if (sort != Sort.LEARNER) {
                    query.setDouble(i++, after.percent());
                }
                query.setObject(i++, after.userId());
            }
            query.setInt(i, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(row.getObject(1, UUID.class), row.getDouble(2), row.getString(3),
                            row.getBoolean(4), SqlTimes.instant(row, 5), SqlTimes.instant(row, 6)));
                }
            }
            return rows;
        }
    }

    private static int bindTwice(PreparedStatement query, int index, Object value, int type) throws SQLException {
        for (int k = 0; k < 2; k++) {
            if (value == null) {
                query.setNull(index + k, type);
            } else {
                query.setObject(index + k, value, type);
            }
        }
        return index + 2;
    }
}
