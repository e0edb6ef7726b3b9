package io.openlearn.grades.repository;

import io.openlearn.grades.domain.SubsectionGrade;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Every learner's subsection grades of a course, streamed learner by learner with a server-side cursor, so a
 * course of any size is read in constant memory.
 */
@ApplicationScoped
public class CourseSubsectionGrades {

    private static final String ALL = "SELECT user_id, subsection_key, earned_graded, possible_graded, earned_all,"
            + " possible_all, percent, overridden FROM subsection_grade WHERE course_key = ? ORDER BY user_id";

    /** Calls {@code perLearner} once per learner with their subsection grades by key; needs a transaction. */
    public int forEachLearner(Connection db, String courseKey,
            BiConsumer<UUID, Map<String, SubsectionGrade>> perLearner)
            throws SQLException {
        int learners = 0;
        try (PreparedStatement query = db.prepareStatement(ALL)) {
            query.setString(1, courseKey);
            query.setFetchSize(5_000);
            try (ResultSet row = query.executeQuery()) {
                UUID current = null;
                Map<String, SubsectionGrade> grades = new HashMap<>();
                while (row.next()) {
                    UUID user = row.getObject(1, UUID.class);
                    if (current != null && !current.equals(user)) {
                        perLearner.accept(current, grades);
                        learners++;
                        grades = new HashMap<>();
                    }
                    current = user;
                    SubsectionGrade grade = new SubsectionGrade(row.getString(2), row.getDouble(3), row.getDouble(4),
                            row.getDouble(5), row.getDouble(6), row.getDouble(7), row.getBoolean(8));
                    grades.put(grade.subsectionKey(), grade);
                }
                if (current != null) {
                    perLearner.accept(current, grades);
                    learners++;
                }
            }
        }
        return learners;
    }
}
