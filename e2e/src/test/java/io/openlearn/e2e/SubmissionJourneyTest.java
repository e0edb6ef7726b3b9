package io.openlearn.e2e;

import static io.openlearn.e2e.Journeys.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A learner answers a problem through the gateway, with every service real: submission asks enrollment whether they
 * are enrolled, course-authoring for the schedule and content-repository for the answer key (with its service
 * token), grades the answer and records the score; staff see everyone's work, another learner sees none of it.
 */
class SubmissionJourneyTest {

    @Test
    void enrolledLearnerSubmitsIsGradedRetriesIdempotentlyAndOnlyStaffSeeTheCourse() throws InterruptedException {
        Journeys.signIn("learner1", "learner2", "instructor");
        String org = "E2S" + UUID.randomUUID().toString().substring(0, 6);
        String course = as("admin").contentType("application/json")
                .body(Map.of("org", org, "number", "MATH", "run", "2026", "title", "Arithmetic"))
                .post("/api/authoring/v1/course-runs").then().statusCode(201).extract().path("courseKey");
        as("admin").contentType("application/json").body(Map.of("username", "instructor", "role",
                "course_instructor")).post("/api/authoring/v1/course-runs/" + course + "/team").then().statusCode(201);

        String blocks = "/api/content/v1/courses/" + course + "/draft/blocks";
        String chapter = create(blocks, Map.of("type", "chapter", "id", "w1"));
        String homework = create(blocks, Map.of("type", "sequential", "id", "hw", "parent", chapter, "graded", true,
                "format", "Homework", "showCorrectness", "always"));
        String unit = create(blocks, Map.of("type", "vertical", "id", "u", "parent", homework));
        String problem = create(blocks, Map.of("type", "problem", "id", "sum", "parent", unit, "problem",
                Map.of("kind", "numerical", "prompt", "2 + 2", "answer", 4, "maxScore", 1, "maxAttempts", 3)));
        as("instructor").post("/api/content/v1/courses/" + course + "/publish").then().statusCode(201);

        assertEquals(201, Journeys.enroll("learner1", course));

        String submit = "/api/submission/v1/courses/" + course + "/items/" + problem + "/submissions";
        String first = as("learner1").contentType("application/json").header("Idempotency-Key", "k1")
                .body(Map.of("answer", Map.of("value", 4))).post(submit).then().statusCode(201)
                .body("attemptNumber", equalTo(1)).body("correct", equalTo(true))
                .body("score.earned", equalTo(1.0f)).extract().path("submissionId");
        as("learner1").contentType("application/json").header("Idempotency-Key", "k1")
                .body(Map.of("answer", Map.of("value", 4))).post(submit).then().statusCode(200)
                .body("submissionId", equalTo(first));
        as("learner1").contentType("application/json").body(Map.of("answer", Map.of("choices", List.of("x"))))
                .post(submit).then().statusCode(422).contentType("application/problem+json");
        as("learner2").contentType("application/json").body(Map.of("answer", Map.of("value", 4))).post(submit)
                .then().statusCode(403);

        as("learner1").get("/api/submission/v1/me/submissions?courseKey=" + course).then().statusCode(200)
                .body("items", hasSize(1));
        as("learner2").get("/api/submission/v1/courses/" + course + "/submissions").then().statusCode(403);
        as("instructor").get("/api/submission/v1/courses/" + course + "/submissions?itemKey=" + problem).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].score.earned", equalTo(1.0f));
    }

    private static String create(String path, Map<String, Object> body) {
        return as("instructor").contentType("application/json").body(body).post(path).then().statusCode(201)
                .extract().path("key");
    }
}
