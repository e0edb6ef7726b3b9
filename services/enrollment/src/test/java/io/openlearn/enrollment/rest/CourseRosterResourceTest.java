package io.openlearn.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseRosterResourceTest {

    final CourseEnrollmentResourceTest enrollments = new CourseEnrollmentResourceTest();

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager entityManager;

    String run(boolean invitationOnly, Integer max) throws Exception {
        enrollments.entityManager = entityManager;
        return enrollments.openRun(null, null, invitationOnly, max);
    }

    @Test
    void staffPageThroughTheRosterWithFiltersAndCountsPerMode() throws Exception {
        String key = run(false, null);
        TestTokens staff = TestTokens.user("staff").role("course_staff", key);
        List<String> ids = new ArrayList<>();
        for (String mode : new String[] {"audit", "audit", "verified"}) {
            TestTokens learner = CourseEnrollmentResourceTest.learner();
            CourseEnrollmentResourceTest.enroll(staff, key, learner.subject(), mode).statusCode(201);
            ids.add(learner.subject());
        }
        String cursor = given().auth().oauth2(staff.sign()).queryParam("limit", 2)
                .get("/api/enrollment/v1/courses/{k}/enrollments", key).then().statusCode(200)
                .body("items", hasSize(2)).extract().path("nextCursor");
        given().auth().oauth2(staff.sign()).queryParam("limit", 2).queryParam("after", cursor)
                .get("/api/enrollment/v1/courses/{k}/enrollments", key).then()
                .body("items.userId", contains(ids.get(2))).body("nextCursor", nullValue());
        given().auth().oauth2(staff.sign()).queryParam("mode", "verified")
                .get("/api/enrollment/v1/courses/{k}/enrollments", key).then()
                .body("items.userId", contains(ids.get(2)));
        given().auth().oauth2(staff.sign()).get("/api/enrollment/v1/courses/{k}/enrollment-counts", key).then()
                .statusCode(200).body("active", equalTo(3)).body("activeByMode.audit", equalTo(2));
        given().auth().oauth2(TestTokens.user("learner1").sign())
                .get("/api/enrollment/v1/courses/{k}/enrollments", key).then().statusCode(403);
        given().auth().oauth2(TestTokens.user("staffX").role("course_staff", "course-v1:Other+X+Y").sign())
                .get("/api/enrollment/v1/courses/{k}/enrollment-counts", key).then().statusCode(403);
    }

    @Test
    void staffManageTheAllowListOfAnInvitationOnlyRun() throws Exception {
        String key = run(true, null);
        TestTokens staff = TestTokens.user("staff").role("course_staff", key);
        TestTokens alice = CourseEnrollmentResourceTest.learner();
        CourseEnrollmentResourceTest.enroll(alice, key, "me", "audit").statusCode(403);
        given().auth().oauth2(staff.sign()).put("/api/enrollment/v1/courses/{k}/allowed/{u}", key, alice.subject())
                .then().statusCode(204);
        given().auth().oauth2(staff.sign()).get("/api/enrollment/v1/courses/{k}/allowed", key).then()
                .body("userIds", hasItem(alice.subject()));
        CourseEnrollmentResourceTest.enroll(alice, key, "me", "audit").statusCode(201);
        given().auth().oauth2(alice.sign()).put("/api/enrollment/v1/courses/{k}/allowed/{u}", key,
                UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(staff.sign()).delete("/api/enrollment/v1/courses/{k}/allowed/{u}", key, alice.subject())
                .then().statusCode(204);
        given().auth().oauth2(staff.sign()).get("/api/enrollment/v1/courses/{k}/allowed", key).then()
                .body("userIds", not(hasItem(alice.subject())));
    }

    @Test
    void idsAuthDoesNotKnowFailTheirOwnBulkRowAndAreNotAdmittedAndUsernamesResolveAtAuth() throws Exception {
        String key = run(false, null);
        TestTokens staff = TestTokens.user("staff").role("course_staff", key);
        String known = CourseEnrollmentResourceTest.learner().subject();
        String stranger = UUID.randomUUID().toString();
        given().auth().oauth2(staff.sign()).contentType("application/json")
                .body(Map.of("action", "enroll", "userIds", List.of(known, stranger)))
                .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(200)
                .body("succeeded", equalTo(1)).body("failed", equalTo(1))
                .body("results.outcome", contains("enrolled", "failed"))
                .body("results[1].status", equalTo(422))
                .body("results[1].detail", equalTo("No platform user has id " + stranger + "."));
        given().auth().oauth2(staff.sign()).get("/api/enrollment/v1/courses/{k}/enrollments", key).then()
                .body("items.userId", contains(known));
        // unenrolling asks no one, so rows of ids auth does not know can still be removed
        given().auth().oauth2(staff.sign()).contentType("application/json")
                .body(Map.of("action", "unenroll", "userIds", List.of(stranger)))
                .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(200)
                .body("results.outcome", contains("unchanged"));
        // an allow-list entry for an id no one can ever sign in with is refused too
        given().auth().oauth2(staff.sign()).put("/api/enrollment/v1/courses/{k}/allowed/{u}", key, stranger)
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(staff.sign()).get("/api/enrollment/v1/courses/{k}/allowed", key).then()
                .body("userIds", not(hasItem(stranger)));
        // usernames become ids at auth: a known one is enrolled, an unknown one refuses the request
        String username = "dana-" + UUID.randomUUID();
        String dana = AuthStandIn.signIn(username).subject();
        given().auth().oauth2(staff.sign()).contentType("application/json")
                .body(Map.of("action", "enroll", "usernames", List.of(username)))
                .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(200)
                .body("results.userId", contains(dana)).body("results.outcome", contains("enrolled"));
        given().auth().oauth2(staff.sign()).contentType("application/json")
                .body(Map.of("action", "enroll", "usernames", List.of("nobody-" + UUID.randomUUID())))
                .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(400)
                .body("errors[0].field", equalTo("usernames[0]"));
    }

    @Test
    void bulkEnrollmentReportsEachItemAndAFullCourseFailsOnlyTheExtraLearners() throws Exception {
        String key = run(false, 2);
        TestTokens staff = TestTokens.user("staff").role("course_staff", key);
        String a = CourseEnrollmentResourceTest.learner().subject();
        String b = CourseEnrollmentResourceTest.learner().subject();
        String c = CourseEnrollmentResourceTest.learner().subject();
        given().auth().oauth2(staff.sign()).contentType("application/json")
                .body(Map.of("action", "enroll", "mode", "honor", "csv", "userId\n" + a + "\n" + b + "," + c))
                .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(200)
                .body("succeeded", equalTo(2)).body("failed", equalTo(1))
                .body("results.outcome", contains("enrolled", "enrolled", "failed"))
                .body("results[2].status", equalTo(409));
        given().auth().oauth2(staff.sign()).contentType("application/json")
                .body(Map.of("action", "unenroll", "userIds", List.of(a, c)))
                .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(200)
                .body("results.outcome", contains("unenrolled", "unchanged"));
        given().auth().oauth2(staff.sign()).contentType("application/json")
                .body(Map.of("action", "enroll", "userIds", List.of("not-a-uuid")))
                .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(400)
                .body("errors[0].field", equalTo("userIds[0]"));
        given().auth().oauth2(staff.sign()).contentType("application/json").body(Map.of("action", "teleport"))
                .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(400);
        given().auth().oauth2(TestTokens.user("learner1").sign()).contentType("application/json")
                .body(Map.of("action", "enroll", "userIds", List.of(a)))
                .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(403);
    }
}
