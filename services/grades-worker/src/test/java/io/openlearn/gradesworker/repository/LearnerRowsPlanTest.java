package io.openlearn.gradesworker.repository;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.openlearn.grades.repository.LearnerRows;
import io.openlearn.grades.testing.GradesDb;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A learner's rows are found through both index columns even in a course the statistics have not seen yet (it
 * grew since the last ANALYZE): the plan PostgreSQL caches for the statement never filters a whole course.
 */
@QuarkusTest
class LearnerRowsPlanTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    GradesDb db;

    @Test
    void aLearnersScoresAreReadByCourseAndLearnerInACourseNewSinceTheLastAnalyze() throws SQLException {
        String course = "course-v1:Plan+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        db.execute("ANALYZE score_projection");
        db.execute("INSERT INTO score_projection SELECT ?, u, 'p' || p, 1, 1, 1, gen_random_uuid(), now()"
                + " FROM (SELECT gen_random_uuid() AS u FROM generate_series(1, 60)) AS l, generate_series(1, 100) AS p",
                course);

        String plan = genericPlan(LearnerRows.select("score_projection", "item_key, raw_earned, raw_possible"),
                course);

        assertTrue(plan.matches("(?s).*Index Cond: \\(.*course_key.*user_id = l\\.user_id.*"), plan);
    }

    @Test
    void subsectionGradesAndOverridesAreReadTheSameWay() throws SQLException {
        for (String table : new String[] {"subsection_grade", "grade_override", "course_grade"}) {
            String plan = genericPlan(LearnerRows.select(table, "course_key"), "course-v1:Plan+none+2026");
            assertTrue(plan.matches("(?s).*Index Cond: \\(.*user_id = l\\.user_id.*"), table + ":\n" + plan);
        }
    }

    /** The plan PostgreSQL reuses for the statement however often it runs (as the worker's pooled connections do). */
    private String genericPlan(String sql, String course) throws SQLException {
        String numbered = sql.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE learner_rows AS " + numbered);
            try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE learner_rows('{"
                    + UUID.randomUUID() + "}', '" + course + "')")) {
                StringBuilder plan = new StringBuilder();
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                statement.execute("DEALLOCATE learner_rows");
                statement.execute("RESET plan_cache_mode");
            }
        }
    }
}
