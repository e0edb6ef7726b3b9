package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prerequisites on sequentials and the course's entrance exam: checked on write and on publish, frozen. */
@QuarkusTest
class GatesTest {

    @Inject
    Upstreams upstreams;

    private static final String BLOCK = "/api/content/v1/courses/{c}/draft/blocks/{k}";

    private static Map<String, Object> after(String subsection, double minScore) {
        return Map.of("subsection", subsection, "minScore", minScore);
    }

    private static String sequential(Authoring a, String id, String chapter) {
        return a.add("sequential", id, chapter, Map.of("displayName", id, "graded", true, "format", "Homework"));
    }

    @Test
    void aPrerequisiteMustNameAnotherSequentialOfTheCourseWithoutClosingACycle() {
        Authoring a = new Authoring();
        String chapter = a.add("chapter", "ch", null, Map.of("displayName", "Week"));
        String first = sequential(a, "first", chapter);
        String second = sequential(a, "second", chapter);
        String third = sequential(a, "third", chapter);

        GroupAccessTest.update(a, second, Map.of("prerequisite", after(second, 70))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("prerequisite.subsection"))
                .body("errors[0].message", containsString("itself"));
        GroupAccessTest.update(a, second, Map.of("prerequisite", after(chapter, 70))).statusCode(400)
                .body("errors[0].field", equalTo("prerequisite.subsection"));
        GroupAccessTest.update(a, second, Map.of("prerequisite", after(a.key("sequential", "gone"), 70)))
                .statusCode(400).body("errors[0].field", equalTo("prerequisite.subsection"));
        GroupAccessTest.update(a, second, Map.of("prerequisite", after(first, 170))).statusCode(400)
                .body("errors[0].field", equalTo("prerequisite.minScore"));
        GroupAccessTest.update(a, second, Map.of("prerequisite", Map.of("subsection", first))).statusCode(400)
                .body("errors[0].field", equalTo("prerequisite.minScore"));
        GroupAccessTest.update(a, chapter, Map.of("prerequisite", after(first, 70))).statusCode(400)
                .body("errors[0].field", equalTo("prerequisite"));

        GroupAccessTest.update(a, second, Map.of("prerequisite", after(first, 70))).statusCode(200)
                .body("prerequisite.subsection", equalTo(first));
        GroupAccessTest.update(a, third, Map.of("prerequisite", after(second, 50))).statusCode(200);
        GroupAccessTest.update(a, first, Map.of("prerequisite", after(third, 50))).statusCode(400)
                .body("errors[0].field", equalTo("prerequisite.subsection"))
                .body("errors[0].message", containsString(first + " -> " + third + " -> " + second + " -> " + first));
        given().auth().oauth2(a.author).get(BLOCK, a.course, first).then().statusCode(200)
                .body("prerequisite", nullValue());
    }

    @Test
    void theEntranceExamMustNameAChapterAndOnlyTheCourseBlockHasOne() {
        Authoring a = new Authoring();
        String exam = a.add("chapter", "exam", null, Map.of("displayName", "Entrance exam"));
        String test = sequential(a, "test", exam);
        GroupAccessTest.update(a, a.root, Map.of("entranceExam", Map.of("chapter", test, "minScore", 60)))
                .statusCode(400).body("errors[0].field", equalTo("entranceExam.chapter"));
        GroupAccessTest.update(a, test, Map.of("entranceExam", Map.of("chapter", exam, "minScore", 60)))
                .statusCode(400).body("errors[0].field", equalTo("entranceExam"));
        GroupAccessTest.update(a, a.root, Map.of("entranceExam", Map.of("chapter", exam, "minScore", 60)))
                .statusCode(200).body("entranceExam.chapter", equalTo(exam));
    }

    @Test
    void publishingFreezesTheGatesIntoTheStructureAndRefusesGatesNamingDeletedBlocks() {
        Authoring a = new Authoring();
        String exam = a.add("chapter", "exam", null, Map.of("displayName", "Entrance exam"));
        String test = sequential(a, "test", exam);
        String chapter = a.add("chapter", "ch", null, Map.of("displayName", "Week"));
        String first = sequential(a, "first", chapter);
        String second = sequential(a, "second", chapter);
        GroupAccessTest.update(a, a.root, Map.of("entranceExam", Map.of("chapter", exam, "minScore", 60)))
                .statusCode(200);
        GroupAccessTest.update(a, second, Map.of("prerequisite", Map.of("subsection", first, "minScore", 70,
                "minCompletion", 100))).statusCode(200);
        a.publish().statusCode(201).body("version", equalTo(1));
        given().auth().oauth2(Authoring.service()).get("/api/content/v1/courses/{c}/structure", a.course).then()
                .statusCode(200).body("entranceExam.chapter", equalTo(exam))
                .body("entranceExam.minScore", equalTo(60.0f))
                .body("subsections[0].key", equalTo(test))
                .body("subsections[0].prerequisite", nullValue())
                .body("subsections[2].prerequisite.subsection", equalTo(first))
                .body("subsections[2].prerequisite.minScore", equalTo(70.0f))
                .body("subsections[2].prerequisite.minCompletion", equalTo(100.0f));
        GroupAccessTest.update(a, second, Map.of("prerequisite", Map.of("subsection", first, "minScore", 80)))
                .statusCode(200);
        a.publish().statusCode(201).body("gradingChanged", equalTo(true));

        given().auth().oauth2(a.author).header("If-Match", a.etag(first)).delete(BLOCK, a.course, first).then()
                .statusCode(204);
        a.publish().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo(second + ".prerequisite.subsection"));
        given().auth().oauth2(a.author).header("If-Match", a.etag(exam)).delete(BLOCK, a.course, exam).then()
                .statusCode(204);
        GroupAccessTest.update(a, second, Map.of("displayName", "second")).statusCode(200);
        a.publish().statusCode(409).body("errors[0].field", equalTo("entranceExam.chapter"));
        given().auth().oauth2(Authoring.service()).get("/api/content/v1/courses/{c}/structure", a.course).then()
                .statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aLearnerReadsALockedSubsectionListedButNotItsContentUntilGradesSaysItOpened() {
        Authoring a = new Authoring();
        String chapter = a.add("chapter", "ch", null, Map.of("displayName", "Week"));
        String first = sequential(a, "first", chapter);
        String second = sequential(a, "second", chapter);
        String unit = a.add("vertical", "u", second, Map.of("displayName", "Unit"));
        String problem = a.add("problem", "q", unit, Map.of("problem", Authoring.choiceProblem()));
        GroupAccessTest.update(a, second, Map.of("prerequisite", after(first, 70))).statusCode(200);
        a.publish().statusCode(201);
        upstreams.openTo(a.course, "gated-learner");
        upstreams.lock("gated-learner", a.course, second, first);
        String learner = TestTokens.user("gated-learner").sign();
        String tree = "/api/content/v1/courses/{c}/versions/latest/blocks";
        String block = tree + "/{k}";

        given().auth().oauth2(learner).get(tree, a.course).then().statusCode(200)
                .body("blocks.key", hasItem(second)).body("blocks.key", not(hasItem(unit)))
                .body("blocks.key", not(hasItem(problem)));
        given().auth().oauth2(learner).get(block, a.course, problem).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("This content opens once you reach 70 % in \"Homework 1\"."));
        given().auth().oauth2(a.author).queryParam("previewAs", "learner").get(block, a.course, problem).then()
                .statusCode(200);
        upstreams.unlock("gated-learner", a.course);
        given().auth().oauth2(learner).get(block, a.course, problem).then().statusCode(200);
    }
}
