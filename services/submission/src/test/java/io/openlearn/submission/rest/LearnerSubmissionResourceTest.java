package io.openlearn.submission.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.openlearn.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LearnerSubmissionResourceTest {

    static final String COURSE = "course-v1:OpenLearnX+CS101+2026_T1";
    static final String PROBLEM = "block-v1:OpenLearnX+CS101+2026_T1+type@problem+block@q1";

    @Inject
    EntityManager entityManager;

    void submit(TestTokens learner, int attempt, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID item = (UUID) entityManager.createNativeQuery("""
                    INSERT INTO student_item (id, user_id, course_key, item_key, item_type)
                    VALUES (:id, :user, :course, :item, 'problem')
                    ON CONFLICT (user_id, course_key, item_key) DO UPDATE SET item_type = EXCLUDED.item_type
                    RETURNING id""")
                    .setParameter("id", UUID.randomUUID()).setParameter("user", UUID.fromString(learner.subject()))
                    .setParameter("course", COURSE).setParameter("item", PROBLEM).getSingleResult();
            entityManager.createNativeQuery("""
                    INSERT INTO submission (id, student_item_id, attempt_number, answer, submitted_at)
                    VALUES (:id, :item, :attempt, CAST('{"choice":"b"}' AS jsonb), :at)""")
                    .setParameter("id", UUID.randomUUID()).setParameter("item", item)
                    .setParameter("attempt", attempt).setParameter("at", at).executeUpdate();
        });
    }

    @Test
    void learnerReadsOwnAttemptsNewestFirstAndNotOthers() {
        TestTokens alice = TestTokens.user("alice-" + UUID.randomUUID());
        TestTokens bob = TestTokens.user("bob-" + UUID.randomUUID());
        Instant now = Instant.now();
        submit(alice, 1, now.minusSeconds(60));
        submit(alice, 2, now);
        submit(bob, 1, now);

        given().auth().oauth2(alice.sign()).queryParam("courseKey", COURSE)
                .get("/api/submission/v1/me/submissions").then().statusCode(200)
                .body("items.attemptNumber", contains(2, 1))
                .body("items.itemKey", contains(PROBLEM, PROBLEM));
    }

    @Test
    void malformedCourseKeyIsBadRequestProblem() {
        given().auth().oauth2(TestTokens.user("alice").sign()).queryParam("courseKey", "not a key")
                .get("/api/submission/v1/me/submissions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }
}
