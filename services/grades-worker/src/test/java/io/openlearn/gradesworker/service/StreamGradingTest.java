package io.openlearn.gradesworker.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.events.CohortMembershipChanged;
import io.openlearn.events.CourseRunChanged;
import io.openlearn.events.EnrollmentChanged;
import io.openlearn.events.Events;
import io.openlearn.events.GradeOverrideChanged;
import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.Gates;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.testing.EventPublisher;
import io.openlearn.grades.testing.GradesDb;
import io.openlearn.grades.testing.Upstreams;
import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.testkit.EventTap;
import io.openlearn.testkit.MetricsText;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StreamGradingTest {

    private static final String GRADE = "SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?";

    @Inject
    Upstreams upstreams;
    @Inject
    GradesDb db;

    private String course() {
        String key = "course-v1:Stream+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(key, Upstreams.homework("p1", "p2"));
        upstreams.policy(key, List.of(new AssignmentType("Homework", 1, 0, 1.0, "HW")),
                Map.of("Pass", 0.5));
        return key;
    }

    @Test
    void scoreEventPersistsSubsectionAndCourseGradeWithHistoryAndGradeEvents() throws Exception {
        String course = course();
        UUID learner = UUID.randomUUID();
        try (EventTap tap = EventTap.bind("grade.course.changed", "grade.course.passed");
                EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, learner, "p1", 1, 1, 1));
            // 1 of 2 problems right: 0.5 -> Pass
            db.await(0.5, 10_000, GRADE, course, learner);
            List<Object[]> subsection = db.rows("SELECT earned_graded, possible_graded, percent, cause_kind"
                    + " FROM subsection_grade WHERE course_key = ? AND user_id = ?", course, learner);
            assertEquals(1, subsection.size());
            assertEquals(List.of(1.0, 2.0, 0.5, "score"), List.of(subsection.get(0)));
            assertEquals(2L, db.rows("SELECT count(*) FROM grade_change WHERE course_key = ? AND user_id = ?",
                    course, learner).get(0)[0]);
            List<String> changed = tap.await(learner.toString(), 2, Duration.ofSeconds(10));
            assertEquals(2, changed.size(), "one grade.course.changed and one grade.course.passed");
            assertTrue(changed.stream().anyMatch(e -> e.contains("\"type\":\"grade.course.passed\"")));
        }
    }

    @Test
    void duplicateAndOlderScoresChangeNothing() throws Exception {
        String course = course();
        UUID learner = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            EventPublisher.Event newest = EventPublisher.scored(course, learner, "p1", 1, 1, 2);
            events.publish(newest);
            db.await(0.5, 10_000, GRADE, course, learner);
            events.publish(newest);
            events.publish(EventPublisher.scored(course, learner, "p1", 0, 1, 1));
            // a later event on another problem proves the two before it were consumed
            events.publish(EventPublisher.scored(course, learner, "p2", 1, 1, 1));
            db.await(1.0, 10_000, GRADE, course, learner);
            assertEquals(2L, db.rows("SELECT sequence FROM score_projection WHERE course_key = ? AND user_id = ?"
                    + " AND item_key = 'p1'", course, learner).get(0)[0]);
            assertEquals(2L, db.rows("SELECT count(*) FROM grade_change WHERE course_key = ? AND user_id = ?"
                    + " AND subsection_key IS NULL", course, learner).get(0)[0]);
        }
    }

    @Test
    void scoreResetCountsTheProblemAsUnattempted() throws Exception {
        String course = course();
        UUID learner = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, learner, "p1", 1, 1, 1));
            db.await(0.5, 10_000, GRADE, course, learner);
            events.publish(EventPublisher.reset(course, learner, "p1", 2, true));
            db.await(0.0, 10_000, GRADE, course, learner);
            assertEquals(List.of(0.0, 2.0), List.of(db.rows("SELECT earned_graded, possible_graded FROM"
                    + " subsection_grade WHERE course_key = ? AND user_id = ?", course, learner).get(0)));
        }
    }

    @Test
    void frozenCourseKeepsItsGradesUnlessAnAdminActs() throws Exception {
        String course = course();
        upstreams.end(course, Instant.now().minus(Duration.ofDays(31)));
        UUID learner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, learner, "p1", 1, 1, 1));
            events.publish(EventPublisher.scored(course, other, "p1", 1, 1, 1));
            db.await(1L, 10_000, "SELECT count(*) FROM score_projection WHERE course_key = ? AND user_id = ?",
                    course, other);
            db.execute("INSERT INTO grade_override (id, course_key, user_id, subsection_key, earned_graded,"
                    + " possible_graded, reason, created_by, created_at) VALUES (?, ?, ?, 'block-v1:hw1', 2, 2,"
                    + " 'regrade request', 'admin', now())", UUID.randomUUID(), course, learner);
            events.publish(EventPublisher.event(Events.GRADE_OVERRIDE_CHANGED, new GradeOverrideChanged(course,
                    learner, "s1", UUID.randomUUID(), GradeOverrideChanged.Action.set, true)));
            db.await(1.0, 10_000, GRADE, course, learner);
            assertTrue(db.rows(GRADE, course, other).isEmpty(), "frozen: the score alone grades nothing");
        }
    }

    @Test
    void aChangedCourseEndMovesTheFreezeAndALateOlderRunEventDoesNotMoveItBack() throws Exception {
        String course = course();
        String marker = course();
        UUID learner = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        Instant ended = Instant.parse("2026-01-31T00:00:00Z");
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, learner, "p1", 1, 1, 1));
            events.publish(EventPublisher.scored(marker, learner, "p1", 1, 1, 1));
            db.await(0.5, 10_000, GRADE, course, learner);
            db.await(0.5, 10_000, GRADE, marker, learner);

            events.publish(runChanged(course, ended, 3));
            events.publish(runChanged(course, null, 2));
            // BATCH takes one message at a time in order: once the marker's is applied, both before it were
            events.publish(runChanged(marker, null, 2));
            db.await(2L, 10_000, "SELECT run_version FROM course_state WHERE course_key = ?", marker);
            assertEquals(List.of(3L, ended.toString()), List.of(db.rows("SELECT run_version,"
                    + " to_char(course_end AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                    + " FROM course_state WHERE course_key = ?", course).get(0)));

            events.publish(EventPublisher.scored(course, later, "p1", 1, 1, 1));
            events.publish(EventPublisher.scored(marker, later, "p1", 1, 1, 1));
            db.await(1L, 10_000, "SELECT count(*) FROM score_projection WHERE course_key = ? AND user_id = ?",
                    course, later);
            db.await(0.5, 10_000, GRADE, marker, later);
            assertTrue(db.rows(GRADE, course, later).isEmpty(), "ended more than 30 days ago: frozen");
        }
    }

    @Test
    void leavingACourseNeverGradedCreatesNoGradeButLeavingAGradedOneKeepsAndRecomputesIt() throws Exception {
        String course = course();
        UUID graded = UUID.randomUUID();
        UUID never = UUID.randomUUID();
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, graded, "p1", 1, 1, 1));
            db.await(0.5, 10_000, GRADE, course, graded);
            double handledBefore = handled("enrollment.changed");
            for (UUID learner : List.of(graded, never)) {
                events.publish(EventPublisher.event(Events.ENROLLMENT_CHANGED, new EnrollmentChanged(learner,
                        course, EnrollmentChanged.Change.unenrolled, "audit", "audit", false)));
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (handled("enrollment.changed") < handledBefore + 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(handledBefore + 2, handled("enrollment.changed"), "both events handled");
            assertTrue(db.rows(GRADE, course, never).isEmpty(), "no first grade for a learner who left");
            assertEquals(0.5, db.rows(GRADE, course, graded).get(0)[0], "the graded learner's grade is kept");
            assertEquals(2L, db.rows("SELECT count(*) FROM course_departure WHERE course_key = ?", course).get(0)[0],
                    "enrollment says both left, graded or not: out of the default gradebook whatever comes next");
        }
    }

    /** How many events of the type the worker handled successfully (its own timer's count). */
    private static double handled(String type) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("grades_worker_handled_seconds_count{")
                        && line.contains("type=\"" + type + "\"") && line.contains("outcome=\"ok\""))
                .mapToDouble(line -> MetricsText.value(line))
                .sum();
    }

    private static EventPublisher.Event runChanged(String course, Instant end, long version) {
        return EventPublisher.event(Events.COURSE_RUN_CHANGED, new CourseRunChanged(course,
                CourseRunChanged.Change.updated, version, "Grading", null, end, null, null, "instructor", false, null,
                null, null, "private"));
    }

    @Test
    void unreadableMessageIsDeadLetteredAndAdminsCanReplayIt() throws Exception {
        try (EventPublisher events = new EventPublisher()) {
            events.publishRaw("submission.scored", "not json".getBytes());
        }
        String admin = TestTokens.admin("ops-" + UUID.randomUUID()).sign();
        given().post("/api/grades-worker/v1/dead-letters/grades.stream/replay").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("learner").sign())
                .post("/api/grades-worker/v1/dead-letters/grades.stream/replay").then().statusCode(403);
        long deadline = System.currentTimeMillis() + 10_000;
        int replayed = 0;
        while (replayed == 0 && System.currentTimeMillis() < deadline) {
            replayed = given().auth().oauth2(admin).post("/api/grades-worker/v1/dead-letters/grades.stream/replay")
                    .then().statusCode(200).body("queue", equalTo("grades.stream")).extract().path("replayed");
            Thread.sleep(100);
        }
        assertTrue(replayed >= 1, "the dead letter went back to grades.stream");
        given().auth().oauth2(admin).post("/api/grades-worker/v1/dead-letters/grades.nothing/replay").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCohortMoveRegradesTheLearnerOnTheBlocksTheirNewGroupSees() throws Exception {
        // Homework min 2, drop 0: hwA for content group 101/1, hwB for 101/2, hw for everyone (one problem each).
        // In A with pa and p right: (1 [hwA] + 1 [hw]) / 2 = 1.0. Moved to B: (0 [hwB] + 1 [hw]) / 2 = 0.5.
        String course = "course-v1:Cohort+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        GroupAccess a = GroupAccess.of(Map.of(101, List.of(1)));
        GroupAccess b = GroupAccess.of(Map.of(101, List.of(2)));
        upstreams.publish(course, List.of(restricted("hwA", "pa", a), restricted("hwB", "pb", b),
                restricted("hw", "p", GroupAccess.OPEN)));
        upstreams.policy(course, List.of(new AssignmentType("Homework", 2, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        UUID learner = UUID.randomUUID();
        upstreams.enroll(course, List.of(learner));
        upstreams.inGroups(course, learner, 50, 1, 101, 1);
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, learner, "pa", 1, 1, 1));
            events.publish(EventPublisher.scored(course, learner, "p", 1, 1, 1));
            db.await(1.0, 10_000, GRADE, course, learner);

            upstreams.inGroups(course, learner, 50, 1, 101, 2);
            UUID cohortB = UUID.randomUUID();
            events.publish(EventPublisher.event(Events.COHORT_MEMBERSHIP_CHANGED, new CohortMembershipChanged(learner,
                    course, cohortB, "B", UUID.randomUUID(), 101, 2, 101, 1, CohortMembershipChanged.Cause.manual)));
            db.await(0.5, 10_000, GRADE, course, learner);
            assertEquals(List.of("cohort", cohortB.toString()), List.of(db.rows("SELECT cause_kind, cause_ref FROM"
                    + " course_grade WHERE course_key = ? AND user_id = ?", course, learner).get(0)));
            // hwA is no longer the learner's: its row is gone, hwB's is there with 0 of 1
            assertEquals(List.of("hw", "hwB"), db.rows("SELECT subsection_key FROM subsection_grade WHERE"
                    + " course_key = ? AND user_id = ? ORDER BY subsection_key", course, learner).stream()
                    .map(row -> (String) row[0]).toList());
        }
    }

    @Test
    void aModeChangeRegradesTheLearnerOnTheirNewTracksBlocksAndSaysTrack() throws Exception {
        // one subsection: p (1 point) for everyone, pv (1 point) for verified (50/2) only. Audit with p right and pv
        // answered: 1 of 1 = 1.0. Verified: (1 + 0) of 2 = 0.5 if pv was wrong.
        String course = "course-v1:Track+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(course, List.of(new SubsectionDefinition("hw", "HW", true, "Homework", null,
                List.of(new ProblemDefinition("p", 1, null), new ProblemDefinition("pv", 1, null, false,
                        GroupAccess.of(Map.of(50, List.of(2))))))));
        upstreams.policy(course, List.of(new AssignmentType("Homework", 1, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        UUID learner = UUID.randomUUID();
        upstreams.enroll(course, List.of(learner));
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, learner, "p", 1, 1, 1));
            events.publish(EventPublisher.scored(course, learner, "pv", 0, 1, 1));
            db.await(1.0, 10_000, GRADE, course, learner);
            upstreams.inGroups(course, learner, 50, 2);
            events.publish(EventPublisher.event(Events.ENROLLMENT_CHANGED, new EnrollmentChanged(learner, course,
                    EnrollmentChanged.Change.mode_changed, "verified", "audit", true)));
            db.await(0.5, 10_000, GRADE, course, learner);
            assertEquals("track", db.rows("SELECT cause_kind FROM course_grade WHERE course_key = ? AND user_id = ?",
                    course, learner).get(0)[0]);
        }
    }

    @Test
    void reachingAPrerequisitesMinimumFulfilsTheGateOnceAndFallingBelowLosesIt() throws Exception {
        // hw1 (p1, p2: 1 point each) opens hw2 at 70 %: 1 of 2 = 50 % keeps it locked, 2 of 2 = 100 % opens it
        String course = "course-v1:Gate+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(course, List.of(), List.of(
                new SubsectionDefinition("hw1", "HW 1", true, "Homework", null,
                        List.of(new ProblemDefinition("p1", 1, null), new ProblemDefinition("p2", 1, null))),
                new SubsectionDefinition("hw2", "HW 2", true, "Homework", null,
                        List.of(new ProblemDefinition("p3", 1, null)))),
                new Gates(Map.of("hw2", new Gates.Prerequisite("hw1", 70, 0)), null));
        upstreams.policy(course, List.of(new AssignmentType("Homework", 2, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        UUID learner = UUID.randomUUID();
        String gates = "SELECT gate_key, kind, requires, percent, cause_kind FROM gate_fulfilment"
                + " WHERE course_key = ? AND user_id = ?";
        try (EventTap tap = EventTap.bind("grade.gate.changed"); EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, learner, "p1", 1, 1, 1));
            db.await(0.25, 10_000, GRADE, course, learner);
            assertEquals(0, db.rows(gates, course, learner).size(), "50 % < 70 %: not fulfilled");

            var opening = EventPublisher.scored(course, learner, "p2", 1, 1, 2);
            events.publish(opening);
            db.await(0.5, 10_000, GRADE, course, learner);
            assertEquals(List.of("hw2", "prerequisite", "hw1", 100.0, "score"),
                    List.of(db.rows(gates, course, learner).get(0)));
            List<String> announced = tap.await(learner.toString(), 1, Duration.ofSeconds(10));
            assertTrue(announced.get(0).contains("\"fulfilled\":true"), announced.get(0));

            events.publish(opening);
            events.publish(EventPublisher.scored(course, learner, "p2", 0, 1, 3));
            db.await(0.25, 10_000, GRADE, course, learner);
            assertEquals(0, db.rows(gates, course, learner).size(), "back to 50 %: the gate is lost");
            announced = tap.await(learner.toString(), 1, Duration.ofSeconds(10));
            assertTrue(announced.get(0).contains("\"fulfilled\":false"), announced.get(0));
            assertEquals(List.of(), tap.more(learner.toString(), Duration.ofMillis(500)),
                    "the redelivered score announced nothing again");
        }
    }

    private static SubsectionDefinition restricted(String key, String problem, GroupAccess access) {
        return new SubsectionDefinition(key, key, true, "Homework", null, List.of(new ProblemDefinition(problem, 1,
                null)), null, null, false, false, access);
    }
}
