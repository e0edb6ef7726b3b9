package io.openlearn.grades.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.GradeChange;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.StoredCourseGrade;
import io.openlearn.grades.repository.StoredSubsectionGrade;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.grades.testing.GradesDb;
import io.openlearn.grades.testing.Upstreams;
import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.testkit.EventTap;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GradesApiTest {

    private static final String HW1 = "block-v1:O+N+R+type@sequential+block@hw1";
    private static final String HW2 = "block-v1:O+N+R+type@sequential+block@hw2";

    @Inject
    Upstreams upstreams;
    @Inject
    Transactions transactions;
    @Inject
    GradeRepository grades;
    @Inject
    GradesDb db;

    /** Two Homework subsections of two 1-point problems; Homework weight 1, min 2; cutoffs A 0.8, Pass 0.5. */
    private String course() {
        String key = "course-v1:GradesApi+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(key, List.of(
                new SubsectionDefinition(HW1, "Homework 1", true, "Homework", Instant.parse("2026-12-01T00:00:00Z"),
                        List.of(new ProblemDefinition("p1", 1, null), new ProblemDefinition("p2", 1, null))),
                new SubsectionDefinition(HW2, "Homework 2", true, "Homework", null,
                        List.of(new ProblemDefinition("p3", 1, null), new ProblemDefinition("p4", 1, null)))));
        upstreams.policy(key, List.of(new AssignmentType("Homework", 2, 0, 1.0, "HW")), Map.of("A", 0.8, "Pass", 0.5));
        return key;
    }

    /** Stores grades as grades-worker would: hw1 earned/2, hw2 0/2, course percent (earned/2 + 0) / 2. */
    private void graded(String course, UUID learner, double hw1Earned) {
        double hw1 = hw1Earned / 2;
        double percent = hw1 / 2;
        Instant now = Instant.now();
        transactions.inNew(c -> {
            grades.writeSubsectionGrades(c, course, List.of(
                    new StoredSubsectionGrade(learner, new SubsectionGrade(HW1, hw1Earned, 2, hw1Earned, 2, hw1,
                            false), 1, "score", null, now),
                    new StoredSubsectionGrade(learner, new SubsectionGrade(HW2, 0, 2, 0, 2, 0, false), 1, "score",
                            null, now)));
            grades.writeCourseGrades(c, course, List.of(new StoredCourseGrade(course, learner, percent,
                    percent >= 0.8 ? "A" : percent >= 0.5 ? "Pass" : null, percent >= 0.5,
                    percent >= 0.5 ? now : null, 1, 1, "score", null, now)));
            grades.appendChanges(c, course, List.of(new GradeChange(0, course, learner, null, null, percent, null,
                    null, null, null, null, null, null, percent >= 0.5, Cause.of("score", "s1"), now)));
            return null;
        });
    }

    private static String staff(String course) {
        return TestTokens.user("staff-" + UUID.randomUUID()).role("course_staff", course).sign();
    }

    private static TestTokens learner() {
        return TestTokens.user("learner-" + UUID.randomUUID());
    }

    @Test
    void learnerListsOnlyTheirOwnCourseGrades() {
        String course = course();
        TestTokens alice = learner();
        graded(course, UUID.fromString(alice.subject()), 2);
        graded(course, UUID.fromString(learner().subject()), 1);
        given().auth().oauth2(alice.sign()).get("/api/grades/v1/me/course-grades").then().statusCode(200)
                .body("items.courseKey", contains(course)).body("items[0].percent", equalTo(0.5f))
                .body("items[0].letterGrade", equalTo("Pass")).body("items[0].passed", equalTo(true));
    }

    @Test
    void learnerSeesTheirProgressWithTheAssignmentTypeBreakdown() {
        String course = course();
        TestTokens alice = learner();
        graded(course, UUID.fromString(alice.subject()), 1);
        upstreams.enroll(course, List.of(UUID.fromString(alice.subject())));
        given().auth().oauth2(alice.sign()).get("/api/grades/v1/me/courses/{c}/progress", course).then()
                .statusCode(200).body("percent", equalTo(0.25f)).body("passed", equalTo(false))
                .body("subsections.key", contains(HW1, HW2))
                .body("subsections[0].displayName", equalTo("Homework 1"))
                .body("subsections[0].due", equalTo("2026-12-01T00:00:00Z"))
                .body("subsections[0].earned", equalTo(1.0f)).body("subsections[0].possible", equalTo(2.0f))
                .body("assignmentTypes[0].percents", contains(0.5f, 0.0f))
                .body("assignmentTypes[0].average", equalTo(0.25f)).body("gradedAt", notNullValue());
    }

    @Test
    void aLearnersProgressListsOnlyTheSubsectionsTheirGroupsPass() {
        // hw2 is for content group 101/2. A learner in 101/1, not graded yet, has hw1 only: Homework min 2 pads one
        // 0, so the type's percents are hw1's 0 and the padding's 0. A learner in 101/2 has both.
        String course = "course-v1:GradesApi+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(course, List.of(
                new SubsectionDefinition(HW1, "Homework 1", true, "Homework", null,
                        List.of(new ProblemDefinition("p1", 1, null), new ProblemDefinition("p2", 1, null))),
                new SubsectionDefinition(HW2, "Homework 2", true, "Homework", null,
                        List.of(new ProblemDefinition("p3", 1, null)), null, null, false, false,
                        GroupAccess.of(Map.of(101, List.of(2))))));
        upstreams.policy(course, List.of(new AssignmentType("Homework", 2, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        TestTokens alice = learner();
        UUID id = UUID.fromString(alice.subject());
        upstreams.enroll(course, List.of(id));
        upstreams.inGroups(course, id, 50, 1, 101, 1);
        given().auth().oauth2(alice.sign()).get("/api/grades/v1/me/courses/{c}/progress", course).then()
                .statusCode(200).body("subsections.key", contains(HW1))
                .body("assignmentTypes[0].percents", contains(0.0f, 0.0f));
        UUID bob = UUID.fromString(learner().subject());
        upstreams.enroll(course, List.of(bob));
        upstreams.inGroups(course, bob, 50, 1, 101, 2);
        given().auth().oauth2(staff(course)).get("/api/grades/v1/courses/{c}/learners/{u}/progress", course, bob)
                .then().statusCode(200).body("subsections.key", contains(HW1, HW2));
    }

    @Test
    void progressOfOthersIsForTheCourseTeamOnly() {
        String course = course();
        UUID bob = UUID.fromString(learner().subject());
        graded(course, bob, 2);
        given().auth().oauth2(learner().sign()).get("/api/grades/v1/courses/{c}/learners/{u}/progress", course, bob)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(staff(course)).get("/api/grades/v1/courses/{c}/learners/{u}/progress", course, bob)
                .then().statusCode(200).body("percent", equalTo(0.5f));
        given().auth().oauth2(staff("course-v1:Other+X+1"))
                .get("/api/grades/v1/courses/{c}/learners/{u}/progress", course, bob).then().statusCode(403);
    }

    @Test
    void ungradedLearnerSeesZerosAndUnknownCourseIs404() {
        String course = course();
        TestTokens carol = learner();
        upstreams.enroll(course, List.of(UUID.fromString(carol.subject())));
        given().auth().oauth2(carol.sign()).get("/api/grades/v1/me/courses/{c}/progress", course).then()
                .statusCode(200).body("percent", equalTo(0.0f)).body("gradedAt", nullValue())
                .body("subsections", hasSize(2)).body("subsections[1].possible", equalTo(2.0f));
        given().auth().oauth2(carol.sign()).get("/api/grades/v1/me/courses/{c}/progress", "course-v1:No+Such+Run")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(carol.sign()).get("/api/grades/v1/me/courses/{c}/progress", "not-a-course").then()
                .statusCode(400);
    }

    @Test
    void aLearnerWhoIsNotEnrolledHasNoProgressPage() {
        String course = course();
        TestTokens dave = learner();
        graded(course, UUID.fromString(dave.subject()), 2);
        given().auth().oauth2(dave.sign()).get("/api/grades/v1/me/courses/{c}/progress", course).then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("You are not enrolled in this course."));
        given().auth().oauth2(dave.sign()).get("/api/grades/v1/courses/{c}/learners/{u}/progress", course,
                dave.subject()).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void learnersWhoLeftDropOutOfTheGradebookUnlessAskedFor() {
        String course = course();
        UUID stays = UUID.randomUUID();
        UUID left = UUID.randomUUID();
        graded(course, stays, 1);
        graded(course, left, 2);
        db.execute("INSERT INTO course_departure (course_key, user_id, departed_at) VALUES (?, ?, now())", course,
                left);
        String staff = staff(course);
        given().auth().oauth2(staff).get("/api/grades/v1/courses/{c}/gradebook", course).then().statusCode(200)
                .body("items.userId", contains(stays.toString()));
        given().auth().oauth2(staff).queryParam("includeUnenrolled", true)
                .get("/api/grades/v1/courses/{c}/gradebook", course).then().statusCode(200)
                .body("items.userId", contains(left.toString(), stays.toString()));
    }

    @Test
    void gradebookSortsFiltersAndPagesWithACursor() {
        String course = course();
        for (int earned = 0; earned <= 2; earned++) {
            graded(course, UUID.randomUUID(), earned);
            graded(course, UUID.randomUUID(), earned);
        }
        String staff = staff(course);
        String cursor = given().auth().oauth2(staff).queryParam("limit", 4)
                .get("/api/grades/v1/courses/{c}/gradebook", course).then().statusCode(200)
                .body("items.percent", contains(0.5f, 0.5f, 0.25f, 0.25f))
                .body("items[0].subsections.'" + HW1 + "'", equalTo(1.0f))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(staff).queryParam("limit", 4).queryParam("cursor", cursor)
                .get("/api/grades/v1/courses/{c}/gradebook", course).then().statusCode(200)
                .body("items.percent", contains(0.0f, 0.0f)).body("nextCursor", nullValue());
        given().auth().oauth2(staff).queryParam("passed", true).queryParam("sort", "percent")
                .get("/api/grades/v1/courses/{c}/gradebook", course).then().statusCode(200)
                .body("items", hasSize(2)).body("items.letterGrade", contains("Pass", "Pass"));
        given().auth().oauth2(staff).queryParam("sort", "sideways")
                .get("/api/grades/v1/courses/{c}/gradebook", course).then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().auth().oauth2(staff).queryParam("cursor", "garbage")
                .get("/api/grades/v1/courses/{c}/gradebook", course).then().statusCode(400);
        given().auth().oauth2(learner().sign()).get("/api/grades/v1/courses/{c}/gradebook", course).then()
                .statusCode(403);
    }

    @Test
    void gradebookKeepsOneCohortsOrOneTracksLearnersAsEnrollmentListsThem() {
        String course = course();
        UUID verifiedInA = UUID.randomUUID();
        UUID auditInA = UUID.randomUUID();
        UUID verifiedElsewhere = UUID.randomUUID();
        graded(course, verifiedInA, 2);
        graded(course, auditInA, 1);
        graded(course, verifiedElsewhere, 0);
        upstreams.enroll(course, List.of(verifiedInA, auditInA, verifiedElsewhere));
        upstreams.inGroups(course, verifiedInA, 50, 2);
        upstreams.inGroups(course, verifiedElsewhere, 50, 2);
        UUID cohortA = UUID.randomUUID();
        upstreams.inCohort(course, cohortA, List.of(verifiedInA, auditInA));
        String staff = staff(course);
        String gradebook = "/api/grades/v1/courses/{c}/gradebook";
        given().auth().oauth2(staff).queryParam("cohort", cohortA.toString()).get(gradebook, course).then()
                .statusCode(200).body("items.userId", contains(verifiedInA.toString(), auditInA.toString()));
        given().auth().oauth2(staff).queryParam("track", "verified").get(gradebook, course).then()
                .statusCode(200).body("items.userId", contains(verifiedInA.toString(), verifiedElsewhere.toString()));
        given().auth().oauth2(staff).queryParam("track", "verified").queryParam("cohort", cohortA.toString())
                .get(gradebook, course).then().statusCode(200).body("items.userId", contains(verifiedInA.toString()));
        given().auth().oauth2(staff).queryParam("cohort", UUID.randomUUID().toString()).get(gradebook, course)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cohort"));
        given().auth().oauth2(staff).queryParam("cohort", "not-a-cohort").get(gradebook, course).then()
                .statusCode(400).body("errors[0].field", equalTo("cohort"));
        given().auth().oauth2(staff).queryParam("track", "gold").get(gradebook, course).then()
                .statusCode(400).body("errors[0].field", equalTo("track"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "regrade", "track", "audit"))
                .post("/api/grades/v1/courses/{c}/jobs", course).then().statusCode(400)
                .body("errors[0].field", equalTo("track"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "course_grade_report",
                "cohort", cohortA.toString(), "track", "verified")).post("/api/grades/v1/courses/{c}/jobs", course)
                .then().statusCode(202).body("cohort", equalTo(cohortA.toString())).body("track", equalTo("verified"));
    }

    @Test
    void overrideIsStoredWithHistoryAndAnnouncedToTheWorker() throws Exception {
        String course = course();
        UUID bob = UUID.fromString(learner().subject());
        String staff = staff(course);
        String path = "/api/grades/v1/courses/{c}/learners/{u}/overrides/{s}";
        try (EventTap tap = EventTap.bind("grade.override.changed")) {
            given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(Map.of("earnedGraded", 2, "possibleGraded", 2, "reason", "regraded by hand"))
                    .put(path, course, bob, HW1).then().statusCode(200).body("action", equalTo("set"))
                    .body("earnedGraded", equalTo(2.0f)).body("actor", notNullValue());
            given().auth().oauth2(staff).queryParam("reason", "mistake").delete(path, course, bob, HW1).then()
                    .statusCode(204);
            List<String> events = tap.await(bob.toString(), 2, Duration.ofSeconds(10));
            assertEquals(2, events.size());
            assertTrue(events.get(0).contains("\"subsectionKey\":\"" + HW1 + "\""));
        }
        given().auth().oauth2(staff).get("/api/grades/v1/courses/{c}/learners/{u}/override-history", course, bob)
                .then().statusCode(200).body("items.action", contains("cleared", "set"))
                .body("items.reason", contains("mistake", "regraded by hand"));
        given().auth().oauth2(staff).queryParam("reason", "again").delete(path, course, bob, HW1).then()
                .statusCode(404);
    }

    @Test
    void badOverridesAreRefusedWithTheirFields() {
        String course = course();
        UUID bob = UUID.randomUUID();
        String path = "/api/grades/v1/courses/{c}/learners/{u}/overrides/{s}";
        String staff = staff(course);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("earnedGraded", -1, "reason", ""))
                .put(path, course, bob, HW1).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("earnedGraded", "reason"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("earnedGraded", 1, "reason", "x"))
                .put(path, course, bob, "block-v1:nowhere").then().statusCode(404);
        given().auth().oauth2(learner().sign()).contentType(ContentType.JSON)
                .body(Map.of("earnedGraded", 1, "reason", "x")).put(path, course, bob, HW1).then().statusCode(403);
        given().auth().oauth2(staff).queryParam("reason", " ").delete(path, course, bob, HW1).then()
                .statusCode(400);
    }

    @Test
    void frozenCourseTakesOverridesFromAdminsOnly() {
        String course = course();
        upstreams.end(course, Instant.now().minus(Duration.ofDays(40)));
        String path = "/api/grades/v1/courses/{c}/learners/{u}/overrides/{s}";
        UUID bob = UUID.randomUUID();
        given().auth().oauth2(staff(course)).contentType(ContentType.JSON)
                .body(Map.of("earnedGraded", 1, "reason", "late")).put(path, course, bob, HW1).then().statusCode(409);
        given().auth().oauth2(TestTokens.admin("root-" + UUID.randomUUID()).sign()).contentType(ContentType.JSON)
                .body(Map.of("earnedGraded", 1, "reason", "late")).put(path, course, bob, HW1).then().statusCode(200);
    }

    @Test
    void gradeHistoryIsTheLearnersOwnOrTheTeams() {
        String course = course();
        TestTokens alice = learner();
        UUID id = UUID.fromString(alice.subject());
        graded(course, id, 1);
        graded(course, id, 2);
        given().auth().oauth2(alice.sign()).queryParam("limit", 1)
                .get("/api/grades/v1/courses/{c}/learners/{u}/history", course, id).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].newPercent", equalTo(0.5f))
                .body("items[0].cause", equalTo("score")).body("nextBefore", notNullValue());
        given().auth().oauth2(learner().sign()).get("/api/grades/v1/courses/{c}/learners/{u}/history", course, id)
                .then().statusCode(403);
    }

    @Test
    void regradeAndRescoreRequestsBecomeJobsAnnouncedOnBatch() throws Exception {
        String course = course();
        String staff = staff(course);
        try (EventTap tap = EventTap.bind("grade.regrade.requested", "grade.rescore.requested",
                "grade.report.requested", "grade.resync.requested")) {
            String job = given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "regrade"))
                    .post("/api/grades/v1/courses/{c}/jobs", course).then().statusCode(202)
                    .header("Location", notNullValue()).body("state", equalTo("queued")).extract().path("id");
            given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(Map.of("kind", "rescore", "itemKey", "block-v1:" + course.substring(10)
                            + "+type@problem+block@p1"))
                    .post("/api/grades/v1/courses/{c}/jobs", course).then()
                    .statusCode(202).body("kind", equalTo("rescore"));
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "course_grade_report"))
                    .post("/api/grades/v1/courses/{c}/jobs", course).then().statusCode(202)
                    .body("kind", equalTo("course_grade_report")).body("downloadUrl", nullValue());
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "resync"))
                    .post("/api/grades/v1/courses/{c}/jobs", course).then().statusCode(202)
                    .body("kind", equalTo("resync"));
            assertEquals(4, tap.await(course, 4, Duration.ofSeconds(10)).size());
            given().auth().oauth2(staff).get("/api/grades/v1/courses/{c}/jobs/{j}", course, job).then()
                    .statusCode(200).body("kind", equalTo("regrade")).body("slicesDone", equalTo(0));
            given().auth().oauth2(staff).get("/api/grades/v1/courses/{c}/jobs", course).then().statusCode(200)
                    .body("items", hasSize(4));
        }
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "rescore", "itemKey", "p1"))
                .post("/api/grades/v1/courses/{c}/jobs", course).then().statusCode(400)
                .body("errors[0].field", equalTo("itemKey"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(Map.of("kind", "delete-everything"))
                .post("/api/grades/v1/courses/{c}/jobs", course).then().statusCode(400);
        given().auth().oauth2(staff).get("/api/grades/v1/courses/{c}/jobs/{j}", course, UUID.randomUUID()).then()
                .statusCode(404);
        given().auth().oauth2(learner().sign()).contentType(ContentType.JSON).body(Map.of("kind", "regrade"))
                .post("/api/grades/v1/courses/{c}/jobs", course).then().statusCode(403);
    }

    @Test
    void whatIfComparesTheProposedDistributionAndStoresNothing() {
        String course = course();
        for (int earned = 0; earned <= 2; earned++) {
            graded(course, UUID.randomUUID(), earned);
        }
        long changes = (Long) db.rows("SELECT count(*) FROM grade_change WHERE course_key = ?", course).get(0)[0];
        // proposed: Homework min 1 drop 1 -> only the better subsection counts: 0, 0.5, 1.0
        given().auth().oauth2(staff(course)).contentType(ContentType.JSON)
                .body(Map.of("assignmentTypes", List.of(Map.of("type", "Homework", "minCount", 1, "dropCount", 1,
                        "weight", 1.0)), "gradeCutoffs", Map.of("A", 0.8, "Pass", 0.5)))
                .post("/api/grades/v1/courses/{c}/what-if", course).then().statusCode(200)
                .body("learners", equalTo(3)).body("current.passed", equalTo(1))
                .body("proposed.passed", equalTo(2)).body("proposed.letters.A", equalTo(1))
                .body("current.meanPercent", equalTo(0.25f)).body("proposed.meanPercent", equalTo(0.5f))
                .body("passChanges", equalTo(1)).body("letterChanges", equalTo(2));
        assertEquals(changes, db.rows("SELECT count(*) FROM grade_change WHERE course_key = ?", course).get(0)[0]);
        given().auth().oauth2(staff(course)).contentType(ContentType.JSON)
                .body(Map.of("assignmentTypes", List.of(), "gradeCutoffs", Map.of()))
                .post("/api/grades/v1/courses/{c}/what-if", course).then().statusCode(400);
    }
}
