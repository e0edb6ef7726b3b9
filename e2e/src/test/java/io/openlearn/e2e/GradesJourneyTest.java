package io.openlearn.e2e;

import static io.openlearn.e2e.Journeys.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The grading chain with every service real, through the gateway: a learner's answer is scored by submission, the
 * score event reaches grades-worker's STREAM, which reads the published structure (content-repository) and the
 * policy (course-authoring) and persists the grade; the learner reads their progress, staff their gradebook, an
 * override flows back through STREAM and a requested regrade runs on BATCH over the roster from enrollment.
 */
class GradesJourneyTest {

    @Test
    void answerBecomesAGradeStaffOverrideAndRegradeAndLearnersSeeOnlyTheirOwn() throws Exception {
        Journeys.signIn("learner1", "learner2", "instructor");
        String org = "E2G" + UUID.randomUUID().toString().substring(0, 6);
        String course = as("admin").contentType("application/json")
                .body(Map.of("org", org, "number", "GRADE", "run", "2026", "title", "Graded"))
                .post("/api/authoring/v1/course-runs").then().statusCode(201).extract().path("courseKey");
        as("admin").contentType("application/json").body(Map.of("username", "instructor", "role",
                "course_instructor")).post("/api/authoring/v1/course-runs/" + course + "/team").then().statusCode(201);
        String blocks = "/api/content/v1/courses/" + course + "/draft/blocks";
        String chapter = create(blocks, Map.of("type", "chapter", "id", "w1"));
        String hw1 = create(blocks, Map.of("type", "sequential", "id", "hw1", "parent", chapter, "graded", true,
                "format", "Homework", "showCorrectness", "always"));
        String hw2 = create(blocks, Map.of("type", "sequential", "id", "hw2", "parent", chapter, "graded", true,
                "format", "Homework", "showCorrectness", "always"));
        String problem = create(blocks, Map.of("type", "problem", "id", "sum", "parent",
                create(blocks, Map.of("type", "vertical", "id", "u1", "parent", hw1)), "problem",
                Map.of("kind", "numerical", "prompt", "2 + 2", "answer", 4, "maxScore", 1)));
        create(blocks, Map.of("type", "problem", "id", "product", "parent",
                create(blocks, Map.of("type", "vertical", "id", "u2", "parent", hw2)), "problem",
                Map.of("kind", "numerical", "prompt", "2 * 3", "answer", 6, "maxScore", 1)));
        as("instructor").post("/api/content/v1/courses/" + course + "/publish").then().statusCode(201);
        assertEquals(201, Journeys.enroll("learner1", course));
        assertEquals(201, Journeys.enroll("learner2", course));

        as("learner1").contentType("application/json").body(Map.of("answer", Map.of("value", 4)))
                .post("/api/submission/v1/courses/" + course + "/items/" + problem + "/submissions").then()
                .statusCode(201);
        String progress = "/api/grades/v1/me/courses/" + course + "/progress";
        // Studio's default policy: Homework weight 0.15, 12 counted, 2 dropped -> 1 / 10 * 0.15 = 0.015 -> 0.02
        poll("learner1", progress, body -> body.get("gradedAt") != null
                && ((Number) body.get("subsections[0].earned")).doubleValue() == 1.0)
                .body("subsections.key", equalTo(java.util.List.of(hw1, hw2)))
                .body("percent", equalTo(0.02f)).body("assignmentTypes.type", hasItem("Homework"));
        String learner1 = as("learner1").get(progress).then().extract().path("userId");
        as("learner2").get("/api/grades/v1/courses/" + course + "/learners/" + learner1 + "/progress").then()
                .statusCode(403);

        as("instructor").get("/api/grades/v1/courses/" + course + "/gradebook").then().statusCode(200)
                .body("items[0].userId", equalTo(learner1)).body("items[0].percent", equalTo(0.02f));

        String learner2 = poll("learner2", "/api/grades/v1/me/courses/" + course + "/progress",
                body -> body.get("gradedAt") != null).extract().path("userId");
        as("instructor").contentType("application/json")
                .body(Map.of("earnedGraded", 1, "possibleGraded", 1, "reason", "excused, full marks"))
                .put("/api/grades/v1/courses/" + course + "/learners/" + learner2 + "/overrides/" + hw2).then()
                .statusCode(200);
        poll("learner2", "/api/grades/v1/me/courses/" + course + "/progress",
                body -> Boolean.TRUE.equals(body.get("subsections[1].overridden")))
                .body("subsections[1].earned", equalTo(1.0f)).body("percent", equalTo(0.02f));

        String job = as("instructor").contentType("application/json").body(Map.of("kind", "regrade"))
                .post("/api/grades/v1/courses/" + course + "/jobs").then().statusCode(202).extract().path("id");
        poll("instructor", "/api/grades/v1/courses/" + course + "/jobs/" + job,
                body -> "done".equals(body.get("state"))).body("learnersDone", equalTo(2));
        as("learner1").get("/api/grades/v1/courses/" + course + "/learners/" + learner1 + "/history").then()
                .statusCode(200).body("items.cause", hasItem("score"));
    }

    private static ValidatableResponse poll(String user, String path,
            Predicate<io.restassured.path.json.JsonPath> ready) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            ValidatableResponse response = as(user).get(path).then();
            int status = response.extract().statusCode();
            if (status == 200 && ready.test(response.extract().jsonPath())) {
                return response;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not ready after 30 s: " + path + " -> " + response.extract().asString());
            }
            Thread.sleep(200);
        }
    }

    private static String create(String path, Map<String, Object> body) {
        return as("instructor").contentType("application/json").body(body).post(path).then().statusCode(201)
                .extract().path("key");
    }
}
