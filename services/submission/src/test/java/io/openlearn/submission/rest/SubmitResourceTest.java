package io.openlearn.submission.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.openlearn.testkit.EventTap;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmitResourceTest {

    @Inject
    Upstreams upstreams;

    /** A fresh course with one choice problem (2 raw points, 2 attempts), learner enrolled. */
    final class Course {
        final String org = "Sub" + UUID.randomUUID().toString().substring(0, 6);
        final String key = "course-v1:" + org + "+CS+R";
        final String item = "block-v1:" + org + "+CS+R+type@problem+block@p1";
        final TestTokens learner = TestTokens.user("learner-" + org);
        final String staff = TestTokens.user("staff-" + org).role("course_staff", key).sign();

        Course(Instant due, String showCorrectness, long graceSeconds) {
            upstreams.course(key, due, showCorrectness, graceSeconds, 1, item, choiceProblem(List.of("b")));
            upstreams.enroll(UUID.fromString(learner.subject()), key);
        }

        Course() {
            this(Instant.now().plusSeconds(86_400), "always", 0);
        }

        ValidatableResponse submit(String token, Map<String, Object> answer, String idempotencyKey) {
            var request = given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("answer", answer));
            if (idempotencyKey != null) {
                request = request.header("Idempotency-Key", idempotencyKey);
            }
            return request.post("/api/submission/v1/courses/{c}/items/{i}/submissions", key, item).then()
                    .log().ifValidationFails();
        }

        ValidatableResponse submit(Map<String, Object> answer) {
            return submit(learner.sign(), answer, null);
        }
    }

    static Map<String, Object> choiceProblem(List<String> correct) {
        return Map.of("kind", "choice", "prompt", "?", "choices", List.of(Map.of("id", "a"), Map.of("id", "b")),
                "correctChoices", correct, "maxScore", 2, "maxAttempts", 2);
    }

    @Test
    void aCorrectAnswerIsAttemptOneWorthFullPointsAndOneScoredEvent() throws Exception {
        try (EventTap tap = EventTap.bind("submission.*")) {
            Course c = new Course();
            c.submit(Map.of("choices", List.of("b"))).statusCode(201).body("attemptNumber", equalTo(1))
                    .body("attemptsUsed", equalTo(1)).body("maxAttempts", equalTo(2)).body("correct", equalTo(true))
                    .body("score.earned", equalTo(2.0f)).body("score.possible", equalTo(2.0f));
            c.submit(Map.of("choices", List.of("a"))).statusCode(201).body("attemptNumber", equalTo(2))
                    .body("correct", equalTo(false)).body("score.earned", equalTo(0.0f));
            List<String> events = tap.await(c.key, 2, Duration.ofSeconds(10));
            Assertions.assertEquals(List.of(), tap.more(c.key, Duration.ofMillis(500)), "exactly one per submission");
            Assertions.assertEquals(2, events.size(), events.toString());
            Assertions.assertTrue(events.get(0).contains("\"type\":\"submission.scored\""), events.get(0));
            Assertions.assertTrue(events.get(0).contains("\"rawEarned\":2.0"), events.get(0));
            Assertions.assertTrue(events.get(0).contains("\"sequence\":1"), events.get(0));
            Assertions.assertTrue(events.get(1).contains("\"sequence\":2"), events.get(1));
            Assertions.assertTrue(events.get(1).contains("\"rawEarned\":0.0"), events.get(1));
        }
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResultWithoutSpendingAnAttempt() {
        Course c = new Course();
        String first = c.submit(c.learner.sign(), Map.of("choices", List.of("b")), "retry-1").statusCode(201)
                .extract().path("submissionId");
        c.submit(c.learner.sign(), Map.of("choices", List.of("b")), "retry-1").statusCode(200)
                .body("submissionId", equalTo(first)).body("attemptNumber", equalTo(1))
                .body("attemptsUsed", equalTo(1));
        c.submit(c.learner.sign(), Map.of("choices", List.of("a")), "retry-2").statusCode(201)
                .body("attemptNumber", equalTo(2));
        // once all attempts are used, a retry of the first still answers the first result, not 409
        c.submit(c.learner.sign(), Map.of("choices", List.of("b")), "retry-1").statusCode(200)
                .body("submissionId", equalTo(first)).body("score.earned", equalTo(2.0f))
                .body("attemptsUsed", equalTo(2));
    }

    @Test
    void maxAttemptsRefusesTheThirdAttemptWith409() {
        Course c = new Course();
        c.submit(Map.of("choices", List.of("a"))).statusCode(201);
        c.submit(Map.of("choices", List.of("a"))).statusCode(201);
        c.submit(Map.of("choices", List.of("b"))).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void concurrentSubmitsNeverExceedMaxAttempts() throws Exception {
        Course c = new Course();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
        String token = c.learner.sign();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> c.submit(token, Map.of("choices", List.of("a")), null).extract()
                    .statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        Assertions.assertEquals(2, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        Assertions.assertEquals(4, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void afterTheDueDatePlusGraceSubmitsAreRefusedUnlessStaffExtendedTheDeadline() {
        Course late = new Course(Instant.now().minusSeconds(3_600), "always", 0);
        late.submit(Map.of("choices", List.of("b"))).statusCode(409).contentType("application/problem+json");
        Course graced = new Course(Instant.now().minusSeconds(3_600), "always", 7_200);
        graced.submit(Map.of("choices", List.of("b"))).statusCode(201);

        given().auth().oauth2(late.staff).contentType("application/json")
                .body(Map.of("subsectionKey", Upstreams.subsectionOf(late.item),
                        "until", Instant.now().plusSeconds(600).toString(), "reason", "medical"))
                .put("/api/submission/v1/courses/{c}/extensions/{u}", late.key, late.learner.subject()).then()
                .statusCode(200).body("grantedBy", equalTo("staff-" + late.org));
        late.submit(Map.of("choices", List.of("b"))).statusCode(201);
        given().auth().oauth2(late.learner.sign()).contentType("application/json")
                .body(Map.of("subsectionKey", Upstreams.subsectionOf(late.item), "until", Instant.now().toString()))
                .put("/api/submission/v1/courses/{c}/extensions/{u}", late.key, late.learner.subject()).then()
                .statusCode(403);
    }

    @Test
    void aProblemVisibleToStaffOnlyTakesNoAnswersFromLearners() {
        Course c = new Course();
        upstreams.schedule(c.key, null, true);
        c.submit(Map.of("choices", List.of("b"))).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aVerifiedOnlyProblemTakesAnswersOnlyFromVerifiedLearners() {
        Course c = new Course();
        upstreams.restrict(c.key, 50, 2);
        // the course's learner is on the audit track (50/1): the problem is not theirs to see
        c.submit(Map.of("choices", List.of("b"))).statusCode(404).contentType("application/problem+json");
        TestTokens verified = TestTokens.user("verified-" + c.org);
        upstreams.enroll(UUID.fromString(verified.subject()), c.key);
        upstreams.inGroups(UUID.fromString(verified.subject()), c.key, 50, 2);
        c.submit(verified.sign(), Map.of("choices", List.of("b")), null).statusCode(201);
    }

    @Test
    void aProblemInASubsectionAGateLocksIsRefusedUntilGradesSaysItOpened() {
        Course c = new Course();
        String hw1 = c.key.replace("course-v1:", "block-v1:") + "+type@sequential+block@hw1";
        upstreams.gate(c.key, hw1, 70);
        UUID learner = UUID.fromString(c.learner.subject());
        upstreams.lock(learner, c.key, c.item, hw1, 70);
        c.submit(Map.of("choices", List.of("b"))).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("This problem opens once you reach 70 % in \"Homework 1\"."));
        upstreams.unlock(learner, c.key);
        c.submit(Map.of("choices", List.of("b"))).statusCode(201);
    }

    @Test
    void aProblemReleasedLaterIsRefusedUntilItsReleaseExceptForBetaTestersWithinTheirHeadStart() {
        Course c = new Course();
        upstreams.schedule(c.key, Instant.now().plusSeconds(86_400), false);
        upstreams.betaHeadStart(c.key, 2);
        c.submit(Map.of("choices", List.of("b"))).statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("not released yet"));
        TestTokens beta = TestTokens.user("beta-" + c.org).role("course_beta_tester", c.key);
        upstreams.enroll(UUID.fromString(beta.subject()), c.key);
        c.submit(beta.sign(), Map.of("choices", List.of("b")), null).statusCode(201);
    }

    @Test
    void aLearnerReadsTheirOwnExtensionsAndNoOneElses() {
        Course c = new Course();
        String until = Instant.now().plusSeconds(7_200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        given().auth().oauth2(c.staff).contentType("application/json")
                .body(Map.of("subsectionKey", Upstreams.subsectionOf(c.item), "until", until))
                .put("/api/submission/v1/courses/{c}/extensions/{u}", c.key, c.learner.subject()).then()
                .statusCode(200);
        given().auth().oauth2(c.learner.sign()).get("/api/submission/v1/courses/{c}/extensions/{u}", c.key,
                c.learner.subject()).then().statusCode(200)
                .body("items.subsectionKey", contains(Upstreams.subsectionOf(c.item)))
                .body("items[0].until", equalTo(until));
        given().auth().oauth2(TestTokens.user("other-" + c.org).sign()).get(
                "/api/submission/v1/courses/{c}/extensions/{u}", c.key, c.learner.subject()).then().statusCode(403);
    }

    @Test
    void aCourseThatEndedTakesNoSubmissions() {
        Course c = new Course();
        upstreams.endCourse(c.key, Instant.now().minusSeconds(60));
        c.submit(Map.of("choices", List.of("b"))).statusCode(409);
    }

    @Test
    void onlyActivelyEnrolledLearnersSubmit() {
        Course c = new Course();
        c.submit(TestTokens.user("stranger-" + c.org).sign(), Map.of("choices", List.of("b")), null).statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void answersOfTheWrongShapeAre422OversizedAre413UnknownItemsAre404() {
        Course c = new Course();
        c.submit(Map.of("value", 3)).statusCode(422).body("errors.field", hasItem("answer.choices"));
        c.submit(Map.of("choices", List.of("a", "b"))).statusCode(422);
        c.submit(Map.of("choices", List.of("z"))).statusCode(422);
        c.submit(Map.of("choices", "b")).statusCode(422).body("errors.field", hasItem("answer.choices"));
        c.submit(Map.of("text", "x".repeat(20_000))).statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(c.learner.sign()).contentType("application/json")
                .body(Map.of("answer", Map.of("choices", List.of("b"))))
                .post("/api/submission/v1/courses/{c}/items/{i}/submissions", c.key,
                        c.item.replace("block@p1", "block@missing"))
                .then().statusCode(404);
        given().auth().oauth2(c.learner.sign()).contentType("application/json")
                .body(Map.of("answer", Map.of("choices", List.of("b"))))
                .post("/api/submission/v1/courses/{c}/items/{i}/submissions", c.key,
                        "block-v1:Other+X+Y+type@problem+block@p1")
                .then().statusCode(404);
        // nothing of the refused answers was kept: the next attempt is still the first
        c.submit(Map.of("choices", List.of("b"))).statusCode(201).body("attemptNumber", equalTo(1));
    }

    @Test
    void showCorrectnessNeverAndPastDueHideScoresFromTheLearnerButNotFromStaff() {
        Course never = new Course(Instant.now().plusSeconds(3_600), "never", 0);
        never.submit(Map.of("choices", List.of("b"))).statusCode(201).body("correctnessHidden", equalTo(true))
                .body("score", nullValue()).body("correct", nullValue());
        given().auth().oauth2(never.learner.sign()).get("/api/submission/v1/me/submissions?courseKey=" + never.key)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].correctnessHidden", equalTo(true))
                .body("items[0].score", nullValue()).body("items[0].answer.choices", contains("b"));
        given().auth().oauth2(never.learner.sign()).get("/api/submission/v1/me/courses/{c}/scores", never.key).then()
                .statusCode(200).body("items[0].latest", nullValue()).body("items[0].attemptsUsed", equalTo(1));
        given().auth().oauth2(never.staff).get("/api/submission/v1/courses/{c}/submissions", never.key).then()
                .statusCode(200).body("items[0].score.earned", equalTo(2.0f));

        Course pastDue = new Course(Instant.now().plusSeconds(3_600), "past_due", 0);
        pastDue.submit(Map.of("choices", List.of("b"))).statusCode(201).body("correctnessHidden", equalTo(true));
        Course always = new Course();
        always.submit(Map.of("choices", List.of("b"))).statusCode(201).body("correctnessHidden", equalTo(false));
        given().auth().oauth2(always.learner.sign()).get("/api/submission/v1/me/courses/{c}/scores", always.key)
                .then().body("items[0].latest.earned", equalTo(2.0f)).body("items[0].highest.earned", equalTo(2.0f));
    }

    @Test
    void learnersSeeOnlyTheirOwnWorkStaffSeeTheCoursePageByPage() {
        Course c = new Course();
        TestTokens other = TestTokens.user("other-" + c.org);
        upstreams.enroll(UUID.fromString(other.subject()), c.key);
        c.submit(Map.of("choices", List.of("b"))).statusCode(201);
        c.submit(other.sign(), Map.of("choices", List.of("a")), null).statusCode(201);
        c.submit(other.sign(), Map.of("choices", List.of("b")), null).statusCode(201);

        given().auth().oauth2(c.learner.sign()).get("/api/submission/v1/me/submissions?courseKey=" + c.key).then()
                .statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(c.learner.sign()).get("/api/submission/v1/courses/{c}/submissions", c.key).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("x").role("course_staff", "course-v1:Else+X+Y").sign())
                .get("/api/submission/v1/courses/{c}/submissions", c.key).then().statusCode(403);

        String cursor = given().auth().oauth2(c.staff).get("/api/submission/v1/courses/{c}/submissions?limit=2", c.key)
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(c.staff)
                .get("/api/submission/v1/courses/{c}/submissions?limit=2&cursor=" + cursor, c.key).then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().auth().oauth2(c.staff).get("/api/submission/v1/courses/{c}/submissions?userId=" + other.subject(),
                c.key).then().body("items", hasSize(2)).body("items.attemptNumber", contains(2, 1));
        given().auth().oauth2(TestTokens.user("grades-worker").group("service").sign())
                .get("/api/submission/v1/courses/{c}/submissions?itemKey=" + c.item, c.key).then().statusCode(200)
                .body("items", hasSize(3));
    }

    @Test
    void servicesReadEveryLearnersLatestScoreWithItsSequencePageByPage() {
        Course c = new Course();
        TestTokens other = TestTokens.user("other-" + c.org);
        upstreams.enroll(UUID.fromString(other.subject()), c.key);
        c.submit(Map.of("choices", List.of("a"))).statusCode(201);
        c.submit(Map.of("choices", List.of("b"))).statusCode(201);
        c.submit(other.sign(), Map.of("choices", List.of("a")), null).statusCode(201);
        String path = "/api/submission/v1/courses/{c}/scores";
        String service = TestTokens.user("grades-worker").group("service").sign();
        String after = given().auth().oauth2(service).queryParam("limit", 1).get(path, c.key).then().statusCode(200)
                .body("items", hasSize(1)).body("nextAfter", notNullValue()).extract().path("nextAfter");
        given().auth().oauth2(service).queryParam("limit", 1).queryParam("after", after).get(path, c.key).then()
                .statusCode(200).body("items", hasSize(1)).body("nextAfter", notNullValue());
        given().auth().oauth2(c.staff).get(path, c.key).then().statusCode(200)
                .body("items.find { it.userId == '" + c.learner.subject() + "' }.sequence", equalTo(2))
                .body("items.find { it.userId == '" + c.learner.subject() + "' }.rawEarned", equalTo(2.0f))
                .body("items.find { it.userId == '" + other.subject() + "' }.rawEarned", equalTo(0.0f));
        given().auth().oauth2(c.learner.sign()).get(path, c.key).then().statusCode(403);
        given().auth().oauth2(service).queryParam("after", "nope").get(path, c.key).then().statusCode(400);
    }

    @Test
    void staffSetAndResetScoresAppendRowsAndResetCanGiveAttemptsBack() {
        Course c = new Course();
        c.submit(Map.of("choices", List.of("a"))).statusCode(201);
        c.submit(Map.of("choices", List.of("a"))).statusCode(201);
        String scores = "/api/submission/v1/me/courses/{c}/scores";
        String learnerPath = "/api/submission/v1/courses/{c}/items/{i}/learners/{u}";
        given().auth().oauth2(c.staff).contentType("application/json")
                .body(Map.of("earned", 1.5, "reason", "partial credit for working"))
                .put(learnerPath + "/score", c.key, c.item, c.learner.subject()).then().statusCode(200)
                .body("kind", equalTo("staff")).body("annotatedBy", equalTo("staff-" + c.org))
                .body("sequence", equalTo(3)).body("possible", equalTo(2.0f));
        given().auth().oauth2(c.learner.sign()).get(scores, c.key).then().body("items[0].latest.earned",
                equalTo(1.5f)).body("items[0].highest.earned", equalTo(1.5f));
        given().auth().oauth2(c.staff).contentType("application/json").body(Map.of("earned", 5, "reason", "x"))
                .put(learnerPath + "/score", c.key, c.item, c.learner.subject()).then().statusCode(400);
        given().auth().oauth2(c.learner.sign()).contentType("application/json")
                .body(Map.of("earned", 2, "reason", "self-service"))
                .put(learnerPath + "/score", c.key, c.item, c.learner.subject()).then().statusCode(403);

        c.submit(Map.of("choices", List.of("b"))).statusCode(409);
        given().auth().oauth2(c.staff).contentType("application/json")
                .body(Map.of("clearAttempts", true, "reason", "technical problem"))
                .post(learnerPath + "/reset", c.key, c.item, c.learner.subject()).then().statusCode(200)
                .body("kind", equalTo("reset")).body("possible", equalTo(0.0f));
        given().auth().oauth2(c.learner.sign()).get(scores, c.key).then().body("items[0].latest.earned",
                equalTo(0.0f)).body("items[0].highest", nullValue()).body("items[0].attemptsUsed", equalTo(0));
        c.submit(Map.of("choices", List.of("b"))).statusCode(201).body("attemptNumber", equalTo(3))
                .body("attemptsUsed", equalTo(1));
    }

    @Test
    void rescoreReevaluatesEveryLearnersLatestSubmissionAgainstTheCurrentKey() throws Exception {
        Course c = new Course();
        TestTokens other = TestTokens.user("other-" + c.org);
        upstreams.enroll(UUID.fromString(other.subject()), c.key);
        c.submit(Map.of("choices", List.of("a"))).statusCode(201).body("score.earned", equalTo(0.0f));
        c.submit(other.sign(), Map.of("choices", List.of("b")), null).statusCode(201);
        // the author fixes the key: "a" was right all along, published as version 2
        upstreams.publish(c.key, Instant.now().plusSeconds(86_400), "always", 2, c.item, choiceProblem(List.of("a")));
        Thread.sleep(1_100);
        given().auth().oauth2(c.learner.sign()).contentType("application/json").body(Map.of())
                .post("/api/submission/v1/courses/{c}/items/{i}/rescore", c.key, c.item).then().statusCode(403);
        given().auth().oauth2(c.staff).contentType("application/json").body(Map.of("limit", 1))
                .post("/api/submission/v1/courses/{c}/items/{i}/rescore", c.key, c.item).then().statusCode(200)
                .body("learners", equalTo(1)).body("rescored", equalTo(1)).body("nextAfter", notNullValue());
        given().auth().oauth2(TestTokens.user("grades-worker").group("service").sign()).contentType("application/json")
                .body(Map.of("userIds", List.of(c.learner.subject(), other.subject())))
                .post("/api/submission/v1/courses/{c}/items/{i}/rescore", c.key, c.item).then().statusCode(200)
                .body("rescored", equalTo(2));
        given().auth().oauth2(c.learner.sign()).get("/api/submission/v1/me/courses/{c}/scores", c.key).then()
                .body("items[0].latest.earned", equalTo(2.0f));
        given().auth().oauth2(other.sign()).get("/api/submission/v1/me/courses/{c}/scores", c.key).then()
                .body("items[0].latest.earned", equalTo(0.0f)).body("items[0].highest.earned", equalTo(2.0f));
    }
}
