package io.openlearn.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.openlearn.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseEnrollmentResourceTest {

    @Inject
    EntityManager entityManager;

    static String course() {
        return "course-v1:Enr" + UUID.randomUUID().toString().substring(0, 8) + "+CS101+2026";
    }

    /** Publishes the run's rules as course-authoring would and waits until the consumer has stored them. */
    String openRun(Instant enrollmentStart, Instant enrollmentEnd, boolean invitationOnly, Integer max)
            throws Exception {
        String key = course();
        CourseRunEvents.publish(key, 1, enrollmentStart, enrollmentEnd, invitationOnly, max);
        for (int i = 0; i < 50; i++) {
            Number found = (Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "SELECT count(*) FROM course_rules WHERE course_key = :k").setParameter("k", key)
                    .getSingleResult());
            if (found.intValue() == 1) {
                return key;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("course.run.changed for " + key + " not consumed");
    }

    static ValidatableResponse enroll(TestTokens caller, String key, String userId, String mode) {
        return given().auth().oauth2(caller.sign()).contentType("application/json").body(Map.of("mode", mode))
                .put("/api/enrollment/v1/courses/{k}/enrollments/{u}", key, userId).then();
    }

    /** A learner who has signed in once, so auth (here its stand-in) knows their id. */
    static TestTokens learner() {
        return AuthStandIn.signIn("learner-" + UUID.randomUUID());
    }

    long rowsOf(String userId, String key) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT count(*) FROM enrollment WHERE user_id = :u AND course_key = :k")
                .setParameter("u", UUID.fromString(userId)).setParameter("k", key).getSingleResult())).longValue();
    }

    @Test
    void learnerEnrollsThemselvesIdempotentlyAndUnenrolls() throws Exception {
        String key = openRun(null, null, false, null);
        TestTokens alice = learner();
        enroll(alice, key, "me", "audit").statusCode(201).body("mode", equalTo("audit")).body("active", equalTo(true));
        enroll(alice, key, "me", "audit").statusCode(200);
        given().auth().oauth2(alice.sign()).get("/api/enrollment/v1/courses/{k}/enrollments/me/active", key)
                .then().statusCode(200).body("active", equalTo(true));
        given().auth().oauth2(alice.sign()).delete("/api/enrollment/v1/courses/{k}/enrollments/me", key)
                .then().statusCode(204);
        given().auth().oauth2(alice.sign()).delete("/api/enrollment/v1/courses/{k}/enrollments/me", key)
                .then().statusCode(204);
        given().auth().oauth2(alice.sign()).get("/api/enrollment/v1/courses/{k}/enrollments/me/active", key)
                .then().body("active", equalTo(false));
        Assertions.assertEquals(List.of("ENROLL", "UNENROLL"), history(alice, key));
    }

    @Test
    void learnerCannotTouchAnotherLearnersEnrollmentButStaffCan() throws Exception {
        String key = openRun(null, null, false, null);
        TestTokens alice = learner();
        TestTokens bob = learner();
        enroll(alice, key, bob.subject(), "audit").statusCode(403).contentType("application/problem+json");
        enroll(bob, key, "me", "audit").statusCode(201);
        given().auth().oauth2(alice.sign()).delete("/api/enrollment/v1/courses/{k}/enrollments/{u}", key,
                bob.subject()).then().statusCode(403);
        given().auth().oauth2(alice.sign()).get("/api/enrollment/v1/courses/{k}/enrollments/{u}/active", key,
                bob.subject()).then().statusCode(403);
        TestTokens staff = TestTokens.user("staff").role("course_staff", key);
        enroll(staff, key, bob.subject(), "verified").statusCode(200).body("mode", equalTo("verified"));
        TestTokens otherStaff = TestTokens.user("staff2").role("course_staff", "course-v1:Other+X+Y");
        enroll(otherStaff, key, bob.subject(), "audit").statusCode(403);
        Assertions.assertEquals(List.of("ENROLL", "MODE_CHANGE"), history(bob, key));
    }

    @Test
    void learnersChooseOnlyFreeModesAndUnknownModesAreBadRequests() throws Exception {
        String key = openRun(null, null, false, null);
        TestTokens alice = learner();
        enroll(alice, key, "me", "verified").statusCode(403);
        enroll(alice, key, "me", "gold").statusCode(400).body("errors[0].field", equalTo("mode"));
        enroll(alice, "not-a-course", "me", "audit").statusCode(400);
        enroll(alice, course(), "me", "audit").statusCode(404);
    }

    @Test
    void windowAndInvitationApplyToLearnersNotToStaff() throws Exception {
        Instant now = Instant.now();
        String closed = openRun(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)), false, null);
        String notYet = openRun(now.plus(Duration.ofDays(1)), null, false, null);
        String invitation = openRun(null, null, true, null);
        TestTokens alice = learner();
        enroll(alice, closed, "me", "audit").statusCode(409).contentType("application/problem+json");
        enroll(alice, notYet, "me", "audit").statusCode(409);
        enroll(alice, invitation, "me", "audit").statusCode(403);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO allowed_learner (course_key, user_id, added_by, added_at) VALUES (:k, :u, 'staff', now())")
                .setParameter("k", invitation).setParameter("u", UUID.fromString(alice.subject())).executeUpdate());
        enroll(alice, invitation, "me", "audit").statusCode(201);
        enroll(TestTokens.user("staff").role("course_staff", closed), closed, alice.subject(), "honor")
                .statusCode(201);
    }

    @Test
    void staffAndServicesCannotEnrollAUserIdAuthDoesNotKnow() throws Exception {
        String key = openRun(null, null, false, 1);
        String stranger = UUID.randomUUID().toString();
        TestTokens staff = TestTokens.user("staff").role("course_staff", key);
        enroll(staff, key, stranger, "audit").statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("No platform user has id " + stranger + "."))
                .body("errors[0].field", equalTo("userId"));
        enroll(TestTokens.user("some-service").group("service"), key, stranger, "verified").statusCode(422);
        // a learner naming someone else is refused for that, without learning whether the id exists
        enroll(learner(), key, stranger, "audit").statusCode(403);
        Assertions.assertEquals(2, AuthStandIn.lookupsOf(stranger), "staff and the service asked, the learner not");
        Assertions.assertEquals(0, rowsOf(stranger, key));
        // the run's only seat is still free for a real learner; auth's "yes" is remembered for the mode change
        TestTokens bob = learner();
        enroll(staff, key, bob.subject(), "audit").statusCode(201);
        enroll(staff, key, bob.subject(), "honor").statusCode(200);
        Assertions.assertEquals(1, AuthStandIn.lookupsOf(bob.subject()));
    }

    @Test
    void selfEnrollmentNeedsNoLookupAndAnAuthOutageRefusesStaffWith503WritingNothing() throws Exception {
        String key = openRun(null, null, false, null);
        TestTokens staff = TestTokens.user("staff").role("course_staff", key);
        // never registered with the stand-in: auth minted this learner's token, so no one asks about them
        TestTokens newcomer = TestTokens.user("newcomer-" + UUID.randomUUID());
        TestTokens carol = learner();
        AuthStandIn.failing(true);
        try {
            enroll(newcomer, key, "me", "audit").statusCode(201);
            enroll(staff, key, carol.subject(), "audit").statusCode(503).contentType("application/problem+json");
            given().auth().oauth2(staff.sign()).contentType("application/json")
                    .body(Map.of("action", "enroll", "userIds", List.of(carol.subject())))
                    .post("/api/enrollment/v1/courses/{k}/bulk-enrollments", key).then().statusCode(503);
        } finally {
            AuthStandIn.failing(false);
        }
        Assertions.assertEquals(0, AuthStandIn.lookupsOf(newcomer.subject()));
        Assertions.assertEquals(0, rowsOf(carol.subject(), key));
        enroll(staff, key, carol.subject(), "audit").statusCode(201);
    }

    @Test
    void parallelRequestsForTheLastSeatLetExactlyOneLearnerIn() throws Exception {
        String key = openRun(null, null, false, 3);
        for (int i = 0; i < 2; i++) {
            enroll(learner(), key, "me", "audit").statusCode(201);
        }
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestTokens racer = learner();
            racers.add(CompletableFuture.supplyAsync(() -> enroll(racer, key, "me", "audit").extract().statusCode()));
        }
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).toList();
        Assertions.assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        Assertions.assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        Number active = (Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT count(*) FROM enrollment WHERE course_key = :k AND active").setParameter("k", key)
                .getSingleResult());
        Assertions.assertEquals(3, active.intValue());
    }

    @Test
    void anOlderCourseRunEventDoesNotUndoANewerOne() throws Exception {
        String key = openRun(null, null, false, 100);
        CourseRunEvents.publish(key, 3, null, null, false, 1);
        CourseRunEvents.publish(key, 2, null, null, false, 50);
        Thread.sleep(1500);
        Number max = (Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT max_enrollments FROM course_rules WHERE course_key = :k").setParameter("k", key)
                .getSingleResult());
        Assertions.assertEquals(1, max.intValue());
    }

    @SuppressWarnings("unchecked")
    List<String> history(TestTokens learner, String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT action FROM enrollment_history WHERE user_id = :u AND course_key = :k ORDER BY id")
                .setParameter("u", UUID.fromString(learner.subject())).setParameter("k", key).getResultList());
    }
}
