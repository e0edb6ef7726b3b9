package io.openlearn.e2e;

import static io.openlearn.e2e.Journeys.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Course content through the gateway with real Keycloak tokens: the instructor builds and publishes a graded
 * subsection with a problem; a learner reads the published problem once enrolled, without its answer key, and cannot
 * touch the draft; the grading structure is there for the team and services; a rerun starts from a copy of the
 * content.
 */
class ContentJourneyTest {

    @Test
    void instructorPublishesLearnerReadsWithoutAnswerKeysRerunCopiesContent() throws InterruptedException {
        String org = "E2C" + UUID.randomUUID().toString().substring(0, 6);
        Journeys.signIn("instructor");
        String course = as("admin").contentType("application/json")
                .body(Map.of("org", org, "number", "PHY", "run", "2026_T1", "title", "Physics", "pacing", "self"))
                .post("/api/authoring/v1/course-runs").then().statusCode(201).extract().path("courseKey");
        as("admin").contentType("application/json").body(Map.of("username", "instructor", "role",
                "course_instructor")).post("/api/authoring/v1/course-runs/" + course + "/team").then().statusCode(201);

        String blocks = "/api/content/v1/courses/" + course + "/draft/blocks";
        String chapter = create(blocks, Map.of("type", "chapter", "id", "week1", "displayName", "Week 1"));
        String homework = create(blocks, Map.of("type", "sequential", "id", "hw1", "parent", chapter,
                "displayName", "Homework 1", "graded", true, "format", "Homework"));
        String unit = create(blocks, Map.of("type", "vertical", "id", "u1", "parent", homework));
        String problem = create(blocks, Map.of("type", "problem", "id", "g", "parent", unit, "problem",
                Map.of("kind", "numerical", "prompt", "g in m/s^2?", "answer", 9.81,
                        "tolerance", Map.of("mode", "relative", "value", 0.02), "maxScore", 1, "weight", 2)));

        as("instructor").post("/api/content/v1/courses/" + course + "/publish").then().statusCode(201)
                .body("version", equalTo(1)).body("gradingChanged", equalTo(true));

        as("learner1").get("/api/content/v1/courses/" + course + "/versions/latest/blocks/" + problem).then()
                .statusCode(403).contentType("application/problem+json");
        assertEquals(201, Journeys.enroll("learner1", course));
        as("learner1").get("/api/content/v1/courses/" + course + "/versions/latest/blocks/" + problem).then()
                .statusCode(200).body("problem.prompt", equalTo("g in m/s^2?"))
                .body("problem", not(hasKey("answer"))).body("problem", not(hasKey("tolerance")));
        as("learner1").get("/api/content/v1/courses/" + course + "/draft").then().statusCode(403)
                .contentType("application/problem+json");
        as("instructor").get("/api/content/v1/courses/" + course + "/versions/1/blocks/" + problem).then()
                .statusCode(200).body("problem.answer", equalTo(9.81f));
        as("learner1").get("/api/content/v1/courses/" + course + "/structure?version=1").then().statusCode(403);
        as("instructor").get("/api/content/v1/courses/" + course + "/structure?version=1").then().statusCode(200)
                .body("subsections.key", contains(homework))
                .body("subsections[0].problems[0].weight", equalTo(2.0f));

        String rerun = as("admin").contentType("application/json").body(Map.of("run", "2027_T1"))
                .post("/api/authoring/v1/course-runs/" + course + "/reruns").then().statusCode(201)
                .body("contentCopy", startsWith("copied: 5 block(s)")).extract().path("courseKey");
        String movedProblem = problem.replace(course.substring("course-v1:".length()),
                rerun.substring("course-v1:".length()));
        as("admin").get("/api/content/v1/courses/" + rerun + "/draft").then().statusCode(200)
                .body("blocks", hasSize(5)).body("blocks[4].key", equalTo(movedProblem))
                .body("blocks[4].problem.answer", equalTo(9.81f));
    }

    private static String create(String path, Map<String, Object> body) {
        return as("instructor").contentType("application/json").body(body).post(path).then().statusCode(201)
                .extract().path("key");
    }
}
