package io.openlearn.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasLength;

import io.openlearn.testkit.EventTap;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GradingPolicyResourceTest {

    static Map<String, Object> policy(double passCutoff) {
        return Map.of("assignmentTypes", List.of(
                Map.of("type", "Homework", "minCount", 3, "dropCount", 1, "weight", 0.6, "shortLabel", "HW"),
                Map.of("type", "Final Exam", "minCount", 1, "dropCount", 0, "weight", 0.5, "shortLabel", "F")),
                "gradeCutoffs", Map.of("A", 0.9, "Pass", passCutoff), "gracePeriodSeconds", 3600);
    }

    static String run() {
        return CourseRunLifecycleTest.createRun("Org" + UUID.randomUUID().toString().substring(0, 8), "CS101");
    }

    static io.restassured.response.ValidatableResponse change(String token, String key, String ifMatch,
            Object body) {
        return given().auth().oauth2(token).contentType("application/json").header("If-Match", ifMatch).body(body)
                .put("/api/authoring/v1/course-runs/{k}/grading-policy", key).then();
    }

    @Test
    void newRunStartsWithOpenEdxDefaultAndChangesMakeImmutableVersions() {
        String key = run();
        String instructor = TestTokens.user("inst").role("course_instructor", key).sign();
        given().auth().oauth2(TestTokens.user("learner1").sign())
                .get("/api/authoring/v1/course-runs/{k}/grading-policy", key).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1))
                .body("assignmentTypes.type", contains("Homework", "Lab", "Midterm Exam", "Final Exam"))
                .body("hash", hasLength(64));
        change(instructor, key, "\"1\"", policy(0.6)).statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("createdBy", equalTo("inst"))
                .body("gradeCutoffs.Pass", equalTo(0.6f));
        change(instructor, key, "\"1\"", policy(0.7)).statusCode(412);
        given().auth().oauth2(instructor).get("/api/authoring/v1/course-runs/{k}/grading-policy/versions", key)
                .then().statusCode(200).body("items.version", contains(2, 1));
        given().auth().oauth2(instructor).get("/api/authoring/v1/course-runs/{k}/grading-policy/versions/1", key)
                .then().statusCode(200).body("assignmentTypes.type", hasItems("Lab"));
    }

    @Test
    void invalidPoliciesAreRefusedWithTheFieldsAtFault() {
        String key = run();
        String instructor = TestTokens.user("inst").role("course_instructor", key).sign();
        Map<String, Object> bad = Map.of("assignmentTypes", List.of(
                Map.of("type", "Homework", "minCount", 1, "dropCount", 2, "weight", -1),
                Map.of("type", "Homework", "minCount", 1, "dropCount", 0, "weight", 1)),
                "gradeCutoffs", Map.of("A", 1.5));
        change(instructor, key, "\"1\"", bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("assignmentTypes[0].dropCount", "assignmentTypes[0].weight",
                        "assignmentTypes[1].type", "gradeCutoffs.A"));
        given().auth().oauth2(instructor).get("/api/authoring/v1/course-runs/{k}/grading-policy", key).then()
                .body("version", equalTo(1));
    }

    @Test
    void onlyTheTeamChangesOrReadsTheHistory() {
        String key = run();
        String learner = TestTokens.user("learner1").sign();
        change(learner, key, "\"1\"", policy(0.5)).statusCode(403);
        given().auth().oauth2(learner).get("/api/authoring/v1/course-runs/{k}/grading-policy/versions", key)
                .then().statusCode(403);
        change(TestTokens.user("learner1").sign(), key, null == null ? "\"1\"" : "", policy(0.5)).statusCode(403);
    }

    @Test
    void aPolicyIdenticalToTheCurrentOneChangesNothingAndSchedulesNoRegrade() throws Exception {
        String key = run();
        String instructor = TestTokens.user("inst").role("course_instructor", key).sign();
        try (EventTap tap = EventTap.bind("course.grading-policy.changed")) {
            change(instructor, key, "\"1\"", policy(0.6)).statusCode(200).body("version", equalTo(2));
            change(instructor, key, "\"2\"", policy(0.6)).statusCode(200).header("ETag", "\"2\"")
                    .body("version", equalTo(2));
            // a client retrying its PUT that already succeeded, with the version it started from
            change(instructor, key, "\"1\"", policy(0.6)).statusCode(200).body("version", equalTo(2));
            List<String> events = tap.more(key, java.time.Duration.ofSeconds(5));
            Assertions.assertEquals(1, events.size(), events.toString());
            Assertions.assertTrue(events.get(0).contains("\"policyVersion\":2"), events.get(0));
        }
        given().auth().oauth2(instructor).get("/api/authoring/v1/course-runs/{k}/grading-policy/versions", key)
                .then().statusCode(200).body("items.version", contains(2, 1));
    }

    @Test
    void changesWithinTheCollapseWindowBecomeOneRegradeWithTheNewestVersion() throws Exception {
        String key = run();
        String instructor = TestTokens.user("inst").role("course_instructor", key).sign();
        try (EventTap tap = EventTap.bind("course.grading-policy.changed")) {
            change(instructor, key, "\"1\"", policy(0.5)).statusCode(200);
            change(instructor, key, "\"2\"", policy(0.55)).statusCode(200);
            change(instructor, key, "\"3\"", policy(0.6)).statusCode(200);
            // the test profile collapses changes 2 s apart; wait well past it
            List<String> events = tap.more(key, java.time.Duration.ofSeconds(5));
            Assertions.assertEquals(1, events.size(), events.toString());
            Assertions.assertTrue(events.get(0).contains("\"policyVersion\":4"), events.get(0));
        }
    }
}
