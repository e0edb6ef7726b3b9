package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.openlearn.testkit.EventTap;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublishResourceTest {

    private static final String BLOCK = "/api/content/v1/courses/{c}/draft/blocks/{k}";

    @Inject
    Upstreams upstreams;

    private static void rename(Authoring a, String key, Map<String, Object> content) {
        given().auth().oauth2(a.author).contentType("application/json").header("If-Match", a.etag(key))
                .body(content).put(BLOCK, a.course, key).then().statusCode(200);
    }

    @Test
    void publishingNumbersVersionsAndFlagsOnlyGradingRelevantChanges() {
        Authoring a = new Authoring();
        a.smallCourse();
        a.publish().statusCode(201).body("version", equalTo(1)).body("gradingChanged", equalTo(true))
                .body("blockCount", equalTo(6));
        rename(a, a.key("chapter", "ch1"), Map.of("displayName", "Week One"));
        a.publish().statusCode(201).body("version", equalTo(2)).body("gradingChanged", equalTo(false));
        Map<String, Object> reweighted = new java.util.HashMap<>(Authoring.choiceProblem());
        reweighted.put("weight", 10);
        rename(a, a.key("problem", "p1"), Map.of("problem", reweighted));
        a.publish().statusCode(201).body("version", equalTo(3)).body("gradingChanged", equalTo(true));
        String sequential = a.key("sequential", "hw1");
        rename(a, sequential, Map.of("graded", true, "format", "Homework", "due", "2027-01-01T00:00:00Z"));
        a.publish().statusCode(201).body("version", equalTo(4)).body("gradingChanged", equalTo(false));
        rename(a, sequential, Map.of("graded", true, "format", "Exam"));
        a.publish().statusCode(201).body("version", equalTo(5)).body("gradingChanged", equalTo(true));
        given().auth().oauth2(Authoring.learner()).get("/api/content/v1/courses/{c}/versions", a.course).then()
                .statusCode(200).body("items.version", contains(5, 4, 3, 2, 1))
                .body("items.gradingChanged", contains(true, false, true, false, true));
    }

    @Test
    void aPublishedVersionIsReadAsItWasWhateverTheDraftDoesLater() {
        Authoring a = new Authoring();
        a.smallCourse();
        a.publish().statusCode(201);
        upstreams.openTo(a.course, "learner1");
        rename(a, a.key("chapter", "ch1"), Map.of("displayName", "Renamed in draft"));
        a.publish().statusCode(201);
        String chapterPath = "blocks.find { it.key == '" + a.key("chapter", "ch1") + "' }.displayName";
        given().auth().oauth2(Authoring.learner()).get("/api/content/v1/courses/{c}/versions/1/blocks", a.course)
                .then().statusCode(200).body("version", equalTo(1)).body(chapterPath, equalTo("Week 1"));
        given().auth().oauth2(Authoring.learner()).get("/api/content/v1/courses/{c}/versions/latest/blocks",
                a.course).then().statusCode(200).body("version", equalTo(2))
                .body(chapterPath, equalTo("Renamed in draft"));
        given().auth().oauth2(Authoring.learner()).get("/api/content/v1/courses/{c}/versions/9/blocks", a.course)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void answerKeysNeverReachALearnerButReachServicesAndTheTeam() {
        Authoring a = new Authoring();
        a.smallCourse();
        a.publish().statusCode(201);
        upstreams.openTo(a.course, "learner1");
        String problem = a.key("problem", "p1");
        String path = "/api/content/v1/courses/{c}/versions/{v}/blocks/{k}";
        given().auth().oauth2(Authoring.learner()).get(path, a.course, "latest", problem).then().statusCode(200)
                .body("problem.prompt", equalTo("2 + 2 = ?")).body("problem.maxScore", equalTo(2.0f))
                .body("problem", not(hasKey("correctChoices"))).body("version", equalTo(1));
        String tree = given().auth().oauth2(Authoring.learner())
                .get("/api/content/v1/courses/{c}/versions/1/blocks", a.course).then().statusCode(200).extract()
                .asString();
        Assertions.assertFalse(tree.contains("correctChoices"), tree);
        given().auth().oauth2(Authoring.service()).get(path, a.course, 1, problem).then().statusCode(200)
                .body("problem.correctChoices", contains("b"));
        given().auth().oauth2(a.author).get(path, a.course, 1, problem).then().statusCode(200)
                .body("problem.correctChoices", contains("b"));
    }

    @Test
    void discardBringsTheDraftBackToTheLatestVersion() {
        Authoring a = new Authoring();
        a.smallCourse();
        given().auth().oauth2(a.author).post("/api/content/v1/courses/{c}/draft/discard", a.course).then()
                .statusCode(409);
        a.publish().statusCode(201);
        rename(a, a.key("chapter", "ch1"), Map.of("displayName", "Unpublished edit"));
        a.add("chapter", "ch2", null, Map.of("displayName", "Unpublished chapter"));
        given().auth().oauth2(a.author).post("/api/content/v1/courses/{c}/draft/discard", a.course).then()
                .statusCode(200).body("fromVersion", equalTo(1)).body("blockCount", equalTo(6));
        given().auth().oauth2(a.author).get("/api/content/v1/courses/{c}/draft", a.course).then().statusCode(200)
                .body("blocks.key", contains(a.root, a.key("chapter", "ch1"), a.key("sequential", "hw1"),
                        a.key("vertical", "v1"), a.key("problem", "p1"), a.key("html", "intro")))
                .body("blocks[1].displayName", equalTo("Week 1"));
        // the draft stays editable after the switch: new tags, appends go last
        a.add("chapter", "ch3", null, Map.of());
        given().auth().oauth2(a.author).get(BLOCK, a.course, a.root).then()
                .body("children", contains(a.key("chapter", "ch1"), a.key("chapter", "ch3")));
    }

    @Test
    void theGradingStructureListsSubsectionsInOrderWithProblemWeights() {
        Authoring a = new Authoring();
        a.smallCourse();
        String chapter = a.key("chapter", "ch1");
        a.add("sequential", "lesson", chapter, Map.of("displayName", "Lesson"));
        a.publish().statusCode(201);
        given().auth().oauth2(Authoring.service()).get("/api/content/v1/courses/{c}/structure?version=1", a.course)
                .then().statusCode(200).header("ETag", equalTo("\"" + a.course + "@1\""))
                .body("version", equalTo(1)).body("problemCount", equalTo(1))
                .body("subsections.key", contains(a.key("sequential", "hw1"), a.key("sequential", "lesson")))
                .body("subsections[0].graded", equalTo(true)).body("subsections[0].format", equalTo("Homework"))
                .body("subsections[0].due", equalTo("2026-12-01T00:00:00Z"))
                .body("subsections[0].problems[0].key", equalTo(a.key("problem", "p1")))
                .body("subsections[0].problems[0].weight", equalTo(5.0f))
                .body("subsections[0].problems[0].maxScore", equalTo(2.0f))
                .body("subsections[1].graded", equalTo(false));
        given().auth().oauth2(a.author).header("Accept-Encoding", "gzip")
                .get("/api/content/v1/courses/{c}/structure", a.course).then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip")).body("version", equalTo(1));
        // without content decoders REST Assured asks for no encoding, as a plain client does
        given().config(io.restassured.RestAssured.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
                .auth().oauth2(Authoring.service()).get("/api/content/v1/courses/{c}/structure", a.course).then()
                .statusCode(200)
                .header("Content-Encoding", org.hamcrest.Matchers.nullValue()).body("problemCount", equalTo(1));
        given().auth().oauth2(Authoring.service()).get("/api/content/v1/courses/{c}/structure?version=2", a.course)
                .then().statusCode(404);
        given().auth().oauth2(Authoring.service()).get("/api/content/v1/courses/{c}/structure?version=x", a.course)
                .then().statusCode(400);
        // it names unreleased and staff-only parts: learners read their outline instead
        upstreams.openTo(a.course, "learner1");
        given().auth().oauth2(Authoring.learner()).get("/api/content/v1/courses/{c}/structure", a.course).then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void publishingSendsContentCoursePublishedWithTheVersionAndGradingFlag() throws Exception {
        try (EventTap tap = EventTap.bind("content.course.published")) {
            Authoring a = new Authoring();
            a.smallCourse();
            a.publish().statusCode(201);
            a.publish().statusCode(201);
            List<String> events = tap.await(a.course, 2, Duration.ofSeconds(10));
            Assertions.assertEquals(2, events.size(), events.toString());
            Assertions.assertTrue(events.get(0).contains("\"type\":\"content.course.published\""), events.get(0));
            Assertions.assertTrue(events.get(0).contains("\"version\":1"), events.get(0));
            Assertions.assertTrue(events.get(0).contains("\"gradingChanged\":true"), events.get(0));
            Assertions.assertTrue(events.get(1).contains("\"version\":2"), events.get(1));
            Assertions.assertTrue(events.get(1).contains("\"gradingChanged\":false"), events.get(1));
        }
    }

    @Test
    void onlyTheCourseTeamPublishes() {
        Authoring a = new Authoring();
        given().auth().oauth2(Authoring.learner()).post("/api/content/v1/courses/{c}/publish", a.course).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(a.author).post("/api/content/v1/courses/{c}/publish", "not-a-course").then()
                .statusCode(400);
    }
}
