package io.openlearn.gradesworker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.testing.GradesDb;
import io.openlearn.grades.testing.Upstreams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * BATCH cost does not grow with the slice: grading one learner, 40 or 400 sends the same number of SQL statements
 * (reads and writes take whole arrays of learners), counted at the JDBC connection the grading runs on.
 */
@QuarkusTest
class SliceStatementCountTest {

    @Inject
    LearnerGrading grading;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Upstreams upstreams;
    @Inject
    GradesDb db;

    @Test
    void gradingASliceSendsTheSameNumberOfStatementsWhateverItsSize() {
        String course = "course-v1:Sql+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(course, Upstreams.homework("p1", "p2", "p3"));
        upstreams.policy(course, List.of(new AssignmentType("Homework", 1, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        // the course's first grading also stores its course state; count the steady state after it
        statements(course, List.of(UUID.randomUUID()));
        List<Integer> counts = new ArrayList<>();
        for (int size : new int[] {1, 40, 400}) {
            List<UUID> learners = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                UUID learner = UUID.randomUUID();
                learners.add(learner);
                db.execute("INSERT INTO score_projection VALUES (?, ?, 'p1', 1, 1, 1, ?, now())", course, learner,
                        UUID.randomUUID());
            }
            // a first grade for everyone (all rows written), as a regrade after a publish would
            counts.add(statements(course, learners));
        }
        assertEquals(counts.get(0), counts.get(1), "1 vs 40 learners: " + counts);
        assertEquals(counts.get(0), counts.get(2), "1 vs 400 learners: " + counts);
        assertTrue(counts.get(0) <= 12, "statements per slice: " + counts.get(0));
        assertEquals(442L, db.rows("SELECT count(*) FROM course_grade WHERE course_key = ?", course).get(0)[0],
                "every learner of the three slices graded");
    }

    private int statements(String course, List<UUID> learners) {
        AtomicInteger count = new AtomicInteger();
        // the upstream reads come first, outside the transaction, as in the worker
        GradingBasis basis = grading.prepare(course, learners);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection real = dataSource.getConnection()) {
                Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                                count.incrementAndGet();
                            }
                            return method.invoke(real, args);
                        });
                grading.regrade(counting, basis, learners, Cause.of("regrade", "test"));
                // the outbox append runs on the same transaction's connection through the datasource: one insert
                return count.get() + 1;
            }
        });
    }
}
