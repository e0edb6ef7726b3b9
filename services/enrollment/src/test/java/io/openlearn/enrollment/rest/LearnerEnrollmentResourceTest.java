package io.openlearn.enrollment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import io.openlearn.enrollment.repository.EnrollmentEntity;
import io.openlearn.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LearnerEnrollmentResourceTest {

    static void enroll(TestTokens learner, String courseKey, String mode) {
        QuarkusTransaction.requiringNew().run(() -> {
            EnrollmentEntity e = new EnrollmentEntity();
            e.id = UUID.randomUUID();
            e.userId = UUID.fromString(learner.subject());
            e.courseKey = courseKey;
            e.mode = mode;
            e.active = true;
            e.createdAt = Instant.now();
            e.updatedAt = e.createdAt;
            e.persist();
        });
    }

    @Test
    void learnerSeesOnlyTheirOwnEnrollments() {
        TestTokens alice = TestTokens.user("alice-" + UUID.randomUUID());
        TestTokens bob = TestTokens.user("bob-" + UUID.randomUUID());
        enroll(alice, "course-v1:OpenLearnX+CS101+2026_T1", "verified");
        enroll(bob, "course-v1:OpenLearnX+BIO2+2026_T1", "audit");

        given().auth().oauth2(alice.sign()).get("/api/enrollment/v1/me/enrollments").then().statusCode(200)
                .body("items.courseKey", contains("course-v1:OpenLearnX+CS101+2026_T1"))
                .body("items.mode", contains("verified"));
    }

    @Test
    void learnerWithoutEnrollmentsGetsEmptyList() {
        given().auth().oauth2(TestTokens.user("nobody-" + UUID.randomUUID()).sign())
                .get("/api/enrollment/v1/me/enrollments").then().statusCode(200)
                .body("items", empty());
    }
}
