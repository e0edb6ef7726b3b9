package io.openlearn.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.openlearn.testkit.EventTap;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CohortResourceTest {

    final CourseEnrollmentResourceTest enrollments = new CourseEnrollmentResourceTest();

    @Inject
    EntityManager entityManager;

    String run() throws Exception {
        enrollments.entityManager = entityManager;
        return enrollments.openRun(null, null, false, null);
    }

    static TestTokens staff(String key) {
        return TestTokens.user("staff").role("course_staff", key);
    }

    static ValidatableResponse configure(TestTokens caller, String key, String scheme, String assignment) {
        return given().auth().oauth2(caller.sign()).contentType("application/json")
                .body(assignment == null ? Map.of("scheme", scheme)
                        : Map.of("scheme", scheme, "assignment", assignment))
                .put("/api/enrollment/v1/courses/{k}/cohort-settings", key).then();
    }

    static String create(TestTokens caller, String key, String name, Integer partition, Integer group) {
        Map<String, Object> body = partition == null ? Map.of("name", name)
                : Map.of("name", name, "contentGroup", Map.of("partitionId", partition, "groupId", group));
        return given().auth().oauth2(caller.sign()).contentType("application/json").body(body)
                .post("/api/enrollment/v1/courses/{k}/cohorts", key).then().statusCode(201)
                .body("members", equalTo(0)).extract().path("id");
    }

    static ValidatableResponse place(TestTokens caller, String key, String cohort, String learner) {
        return given().auth().oauth2(caller.sign())
                .put("/api/enrollment/v1/courses/{k}/cohorts/{c}/members/{u}", key, cohort, learner).then();
    }

    static TestTokens enrolled(String key, String mode) {
        TestTokens learner = CourseEnrollmentResourceTest.learner();
        CourseEnrollmentResourceTest.enroll(staff(key), key, learner.subject(), mode).statusCode(201);
        return learner;
    }

    static ValidatableResponse upload(TestTokens caller, String key, String csv) {
        return given().auth().oauth2(caller.sign()).contentType("application/json").body(Map.of("csv", csv))
                .post("/api/enrollment/v1/courses/{k}/cohort-uploads", key).then();
    }

    @Test
    void aRunIsNotCohortedUntilItsTeamSaysSoAndOnlyTheTeamManagesCohorts() throws Exception {
        String key = run();
        TestTokens learner = enrolled(key, "audit");
        given().auth().oauth2(staff(key).sign()).get("/api/enrollment/v1/courses/{k}/cohort-settings", key).then()
                .statusCode(200).body("scheme", equalTo("off")).body("updatedBy", nullValue());
        configure(learner, key, "manual", null).statusCode(403).contentType("application/problem+json");
        configure(staff(key), key, "sometimes", null).statusCode(400).body("errors[0].field", equalTo("scheme"));
        configure(staff(key), key, "manual", null).statusCode(200).body("scheme", equalTo("manual"))
                .body("assignment", equalTo("random")).body("updatedBy", equalTo("staff"));
        create(staff(key), key, "Section A", 101, 1);
        create(staff(key), key, "Section B", null, null);
        given().auth().oauth2(staff(key).sign()).contentType("application/json").body(Map.of("name", "section a"))
                .post("/api/enrollment/v1/courses/{k}/cohorts", key).then().statusCode(409);
        given().auth().oauth2(staff(key).sign()).contentType("application/json")
                .body(Map.of("name", "C", "contentGroup", Map.of("partitionId", 50, "groupId", 2)))
                .post("/api/enrollment/v1/courses/{k}/cohorts", key).then().statusCode(400)
                .body("errors[0].field", equalTo("contentGroup.partitionId"));
        // content declares groups 0 to 9 of partitions 101 and 102: group 12 and partition 103 are none of them
        given().auth().oauth2(staff(key).sign()).contentType("application/json")
                .body(Map.of("name", "C", "contentGroup", Map.of("partitionId", 101, "groupId", 12)))
                .post("/api/enrollment/v1/courses/{k}/cohorts", key).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("contentGroup"));
        given().auth().oauth2(staff(key).sign()).contentType("application/json")
                .body(Map.of("name", "C", "contentGroup", Map.of("partitionId", 103, "groupId", 1)))
                .post("/api/enrollment/v1/courses/{k}/cohorts", key).then().statusCode(400)
                .body("errors[0].field", equalTo("contentGroup"));
        given().auth().oauth2(learner.sign()).get("/api/enrollment/v1/courses/{k}/cohorts", key).then()
                .statusCode(403);
        given().auth().oauth2(staff(key).sign()).get("/api/enrollment/v1/courses/{k}/cohorts", key).then()
                .statusCode(200).body("items.name", contains("Section A", "Section B"))
                .body("items[0].contentGroup.partitionId", equalTo(101))
                .body("items[1].contentGroup", nullValue());
    }

    @Test
    void staffPlaceAndMoveALearnerEachChangeAnnouncedAndKeptInTheHistory() throws Exception {
        String key = run();
        configure(staff(key), key, "manual", null).statusCode(200);
        String a = create(staff(key), key, "A", 101, 1);
        String b = create(staff(key), key, "B", 101, 2);
        TestTokens learner = enrolled(key, "audit");
        try (EventTap tap = EventTap.bind("cohort.membership.changed")) {
            place(staff(key), key, a, learner.subject()).statusCode(200).body("changed", equalTo(true))
                    .body("cohortName", equalTo("A"));
            place(staff(key), key, a, learner.subject()).statusCode(200).body("changed", equalTo(false));
            place(staff(key), key, b, learner.subject()).statusCode(200).body("changed", equalTo(true));
            List<String> events = tap.await(learner.subject(), 2, Duration.ofSeconds(10));
            Assertions.assertEquals(2, events.size(), "one event per change, none for the repeated placement");
            Assertions.assertTrue(events.get(1).contains("\"previousCohortId\":\"" + a + "\"")
                    && events.get(1).contains("\"contentGroupId\":2")
                    && events.get(1).contains("\"previousContentGroupId\":1"), events.get(1));
        }
        given().auth().oauth2(learner.sign())
                .get("/api/enrollment/v1/courses/{k}/learners/me/cohort-history", key).then().statusCode(200)
                .body("items.toCohortId", contains(a, b)).body("items[0].fromCohortId", nullValue())
                .body("items.cause", contains("manual", "manual"));
        given().auth().oauth2(learner.sign()).get("/api/enrollment/v1/courses/{k}/learners/me/groups", key).then()
                .statusCode(200).body("cohort.name", equalTo("B")).body("mode", equalTo("audit"))
                .body("groups.partitionId", contains(50, 101)).body("groups.groupId", contains(1, 2));
        given().auth().oauth2(staff(key).sign()).get("/api/enrollment/v1/courses/{k}/cohorts/{c}", key, b).then()
                .body("members", equalTo(1));
        place(learner, key, a, learner.subject()).statusCode(403);
        place(staff(key), key, a, CourseEnrollmentResourceTest.learner().subject()).statusCode(409)
                .body("detail", containsString("not actively enrolled"));
        place(staff(key), key, UUID.randomUUID().toString(), learner.subject()).statusCode(404);
    }

    @Test
    void aCohortWithMembersKeepsItsContentGroupButMayBeRenamed() throws Exception {
        String key = run();
        configure(staff(key), key, "manual", null).statusCode(200);
        String a = create(staff(key), key, "A", 101, 1);
        place(staff(key), key, a, enrolled(key, "audit").subject()).statusCode(200);
        given().auth().oauth2(staff(key).sign()).contentType("application/json")
                .body(Map.of("name", "A", "contentGroup", Map.of("partitionId", 101, "groupId", 3)))
                .put("/api/enrollment/v1/courses/{k}/cohorts/{c}", key, a).then().statusCode(409);
        given().auth().oauth2(staff(key).sign()).contentType("application/json")
                .body(Map.of("name", "Renamed", "contentGroup", Map.of("partitionId", 101, "groupId", 1)))
                .put("/api/enrollment/v1/courses/{k}/cohorts/{c}", key, a).then().statusCode(200)
                .body("name", equalTo("Renamed")).body("members", equalTo(1));
    }

    @Test
    void automaticRoundRobinPlacesNewLearnersInTurnAndRandomFallsBackToADefaultCohort() throws Exception {
        String key = run();
        configure(staff(key), key, "automatic", "round-robin").statusCode(200);
        String a = create(staff(key), key, "A", null, null);
        String b = create(staff(key), key, "B", null, null);
        List<TestTokens> learners = List.of(enrolled(key, "audit"), enrolled(key, "audit"), enrolled(key, "audit"),
                enrolled(key, "verified"));
        given().auth().oauth2(staff(key).sign()).get("/api/enrollment/v1/courses/{k}/cohorts", key).then()
                .body("items.members", contains(2, 2));
        given().auth().oauth2(learners.get(0).sign()).get("/api/enrollment/v1/courses/{k}/learners/me/groups", key)
                .then().body("cohort.id", equalTo(a));
        given().auth().oauth2(learners.get(1).sign())
                .get("/api/enrollment/v1/courses/{k}/learners/me/cohort-history", key)
                .then().body("items.toCohortId", contains(b)).body("items.cause", contains("automatic"));

        String other = run();
        configure(staff(other), other, "automatic", null).statusCode(200);
        enrolled(other, "audit");
        given().auth().oauth2(staff(other).sign()).get("/api/enrollment/v1/courses/{k}/cohorts", other).then()
                .body("items.name", contains("Default Group")).body("items.members", contains(1));
    }

    @Test
    void anUploadWithBadLinesIsRefusedWholeNamingEachLineAndAGoodOneIsAppliedWhole() throws Exception {
        String key = run();
        configure(staff(key), key, "manual", null).statusCode(200);
        String a = create(staff(key), key, "A", null, null);
        create(staff(key), key, "B, the second", null, null);
        TestTokens first = enrolled(key, "audit");
        TestTokens second = enrolled(key, "audit");
        String bad = "user_id,cohort\n" + first.subject() + ",A\n" + "not-a-uuid,A\n" + second.subject() + ",Z\n"
                + CourseEnrollmentResourceTest.learner().subject() + ",A\n" + first.subject() + ",A\n";
        upload(staff(key), key, bad).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("csv line 3", "csv line 4", "csv line 5", "csv line 6"));
        given().auth().oauth2(staff(key).sign()).get("/api/enrollment/v1/courses/{k}/cohorts", key).then()
                .body("items.members", contains(0, 0));
        upload(staff(key), key, "name,cohort\nx,A\n").statusCode(400).body("errors[0].field", equalTo("csv line 1"));
        upload(enrolled(key, "audit"), key, "user_id,cohort\n" + first.subject() + ",A\n").statusCode(403);

        place(staff(key), key, a, first.subject()).statusCode(200);
        upload(staff(key), key, "cohort,user_id\r\nA," + first.subject() + "\r\n\"b, THE second\"," + second.subject()
                + "\r\n").statusCode(200).body("moved", equalTo(1)).body("unchanged", equalTo(1))
                .body("results.cohortName", contains("A", "B, the second"));
        given().auth().oauth2(second.sign()).get("/api/enrollment/v1/courses/{k}/learners/me/cohort-history", key)
                .then().body("items.cause", contains("bulk"));
    }

    @Test
    void aLearnersGroupsFollowTheirModeAndCountTheCohortOnlyWhileTheRunIsCohorted() throws Exception {
        String key = run();
        configure(staff(key), key, "manual", null).statusCode(200);
        String a = create(staff(key), key, "A", 102, 7);
        TestTokens learner = enrolled(key, "audit");
        place(staff(key), key, a, learner.subject()).statusCode(200);
        CourseEnrollmentResourceTest.enroll(staff(key), key, learner.subject(), "verified").statusCode(200);
        given().auth().oauth2(learner.sign()).get("/api/enrollment/v1/courses/{k}/learners/me/groups", key).then()
                .body("mode", equalTo("verified")).body("groups.groupId", contains(2, 7));
        configure(staff(key), key, "off", null).statusCode(200);
        given().auth().oauth2(learner.sign()).get("/api/enrollment/v1/courses/{k}/learners/me/groups", key).then()
                .body("cohort", nullValue()).body("groups.partitionId", contains(50));
        given().auth().oauth2(CourseEnrollmentResourceTest.learner().sign())
                .get("/api/enrollment/v1/courses/{k}/learners/{u}/groups", key, learner.subject()).then()
                .statusCode(403);
        TestTokens stranger = CourseEnrollmentResourceTest.learner();
        given().auth().oauth2(stranger.sign()).get("/api/enrollment/v1/courses/{k}/learners/me/groups", key).then()
                .statusCode(200).body("active", equalTo(false)).body("mode", nullValue()).body("groups", hasSize(0));
    }

    @Test
    void membersArePagedInUserIdOrder() throws Exception {
        String key = run();
        configure(staff(key), key, "manual", null).statusCode(200);
        String a = create(staff(key), key, "A", null, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String learner = enrolled(key, "audit").subject();
            place(staff(key), key, a, learner).statusCode(200);
            ids.add(learner);
        }
        Collections.sort(ids);
        String cursor = given().auth().oauth2(staff(key).sign()).queryParam("limit", 2)
                .get("/api/enrollment/v1/courses/{k}/cohorts/{c}/members", key, a).then().statusCode(200)
                .body("items.userId", contains(ids.get(0), ids.get(1))).extract().path("nextCursor");
        given().auth().oauth2(staff(key).sign()).queryParam("limit", 2).queryParam("after", cursor)
                .get("/api/enrollment/v1/courses/{k}/cohorts/{c}/members", key, a).then()
                .body("items.userId", containsInAnyOrder(ids.get(2))).body("nextCursor", nullValue());
    }

    @Test
    void theTeamAndServicesReadTheGroupsOfManyLearnersAtOnce() throws Exception {
        String key = run();
        configure(staff(key), key, "manual", null).statusCode(200);
        String a = create(staff(key), key, "A", 101, 1);
        TestTokens audit = enrolled(key, "audit");
        TestTokens verified = enrolled(key, "verified");
        place(staff(key), key, a, verified.subject()).statusCode(200);
        String stranger = CourseEnrollmentResourceTest.learner().subject();
        List<String> ids = List.of(audit.subject(), verified.subject(), stranger, audit.subject());
        given().auth().oauth2(TestTokens.user("grades-worker").group("service").sign()).contentType("application/json")
                .body(Map.of("userIds", ids)).post("/api/enrollment/v1/courses/{k}/learner-groups", key).then()
                .statusCode(200).body("items.userId", contains(audit.subject(), verified.subject(), stranger))
                .body("items[0].groups.groupId", contains(1))
                .body("items[1].groups.partitionId", contains(50, 101)).body("items[1].cohort.name", equalTo("A"))
                .body("items[2].active", equalTo(false)).body("items[2].groups", hasSize(0));
        given().auth().oauth2(audit.sign()).contentType("application/json")
                .body(Map.of("userIds", List.of(audit.subject())))
                .post("/api/enrollment/v1/courses/{k}/learner-groups", key).then().statusCode(403);
        given().auth().oauth2(staff(key).sign()).contentType("application/json")
                .body(Map.of("userIds", List.of("nope"))).post("/api/enrollment/v1/courses/{k}/learner-groups", key)
                .then().statusCode(400).body("errors[0].field", equalTo("userIds[0]"));
        given().auth().oauth2(staff(key).sign()).contentType("application/json")
                .body("{\"userIds\": [\"" + audit.subject() + "\", null]}")
                .post("/api/enrollment/v1/courses/{k}/learner-groups", key).then().statusCode(400)
                .body("errors[0].field", equalTo("userIds[1]"));
    }
}
