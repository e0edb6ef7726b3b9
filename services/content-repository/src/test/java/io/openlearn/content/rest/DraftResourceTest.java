package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DraftResourceTest {

    private static final String BLOCK = "/api/content/v1/courses/{c}/draft/blocks/{k}";

    @Test
    void authorBuildsTheOutlineAndReadsItInCourseOrderWithUsageKeys() {
        Authoring a = new Authoring();
        String sequential = a.smallCourse();
        given().auth().oauth2(a.author).get("/api/content/v1/courses/{c}/draft", a.course).then().statusCode(200)
                .body("root", equalTo(a.root))
                .body("blocks.key", contains(a.root, a.key("chapter", "ch1"), sequential, a.key("vertical", "v1"),
                        a.key("problem", "p1"), a.key("html", "intro")))
                .body("blocks[2].format", equalTo("Homework"))
                .body("blocks[2].showCorrectness", equalTo("past_due"))
                .body("blocks[4].problem.correctChoices", contains("b"));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        Authoring a = new Authoring();
        String chapter = a.add("chapter", "ch1", null, Map.of("displayName", "Week 1"));
        String tag = a.etag(chapter);
        given().auth().oauth2(a.author).contentType("application/json").header("If-Match", tag)
                .body(Map.of("displayName", "Week One")).put(BLOCK, a.course, chapter).then().statusCode(200)
                .body("displayName", equalTo("Week One"));
        given().auth().oauth2(a.author).contentType("application/json").header("If-Match", tag)
                .body(Map.of("displayName", "Lost update")).put(BLOCK, a.course, chapter).then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(a.author).contentType("application/json").body(Map.of("displayName", "No tag"))
                .put(BLOCK, a.course, chapter).then().statusCode(428);
        given().auth().oauth2(a.author).header("If-Match", tag).delete(BLOCK, a.course, chapter).then()
                .statusCode(412);
        given().auth().oauth2(a.author).get(BLOCK, a.course, chapter).then().statusCode(200)
                .body("displayName", equalTo("Week One"));
    }

    @Test
    void concurrentWritersWithTheSameTagEndWithOneWinner() throws Exception {
        Authoring a = new Authoring();
        String chapter = a.add("chapter", "ch1", null, Map.of("displayName", "Week 1"));
        String tag = a.etag(chapter);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "Writer " + i;
            results.add(pool.submit(() -> given().auth().oauth2(a.author).contentType("application/json")
                    .header("If-Match", tag).body(Map.of("displayName", name)).put(BLOCK, a.course, chapter)
                    .statusCode()));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 200).count(),
                statuses.toString());
        org.junit.jupiter.api.Assertions.assertEquals(5, statuses.stream().filter(s -> s == 412).count(),
                statuses.toString());
    }

    @Test
    void reorderAndMoveChangeOnlyTheMovedBlock() {
        Authoring a = new Authoring();
        String first = a.add("chapter", "c1", null, Map.of());
        String second = a.add("chapter", "c2", null, Map.of());
        String third = a.add("chapter", "c3", null, Map.of());
        given().auth().oauth2(a.author).contentType("application/json").header("If-Match", a.etag(third))
                .body(Map.of("index", 0)).post(BLOCK + "/move", a.course, third).then().statusCode(200);
        given().auth().oauth2(a.author).get(BLOCK, a.course, a.root).then()
                .body("children", contains(third, first, second));
        String sequential = a.add("sequential", "s1", first, Map.of());
        given().auth().oauth2(a.author).contentType("application/json").header("If-Match", a.etag(sequential))
                .body(Map.of("parent", second)).post(BLOCK + "/move", a.course, sequential).then().statusCode(200)
                .body("parent", equalTo(second));
        given().auth().oauth2(a.author).get(BLOCK, a.course, second).then().body("children", contains(sequential));
        given().auth().oauth2(a.author).get(BLOCK, a.course, first).then().body("children", hasSize(0));
    }

    @Test
    void blocksGoOnlyUnderTheirParentType() {
        Authoring a = new Authoring();
        String chapter = a.add("chapter", "c1", null, Map.of());
        a.create(Map.of("type", "problem", "parent", chapter, "problem", Authoring.choiceProblem())).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("parent"));
        String sequential = a.add("sequential", "s1", chapter, Map.of());
        given().auth().oauth2(a.author).contentType("application/json").header("If-Match", a.etag(sequential))
                .body(Map.of("parent", a.root)).post(BLOCK + "/move", a.course, sequential).then().statusCode(400);
        a.create(Map.of("type", "chapter", "id", "c1")).statusCode(409);
    }

    @Test
    void invalidContentNamesTheFields() {
        Authoring a = new Authoring();
        String chapter = a.add("chapter", "c1", null, Map.of());
        a.create(Map.of("type", "sequential", "parent", chapter, "graded", true)).statusCode(400)
                .body("errors.field", hasItem("format"));
        a.create(Map.of("type", "chapter", "html", "<p>no</p>")).statusCode(400).body("errors.field", hasItem("html"));
        String sequential = a.add("sequential", "s1", chapter, Map.of());
        String vertical = a.add("vertical", "v1", sequential, Map.of());
        a.create(Map.of("type", "problem", "parent", vertical, "problem", Map.of("kind", "choice", "prompt", "?",
                "choices", List.of(Map.of("id", "a"), Map.of("id", "b")), "correctChoices", List.of("a", "b"))))
                .statusCode(400).body("errors.field", hasItem("problem.correctChoices"));
        a.create(Map.of("type", "problem", "parent", vertical, "problem", Map.of("kind", "text", "prompt", "?",
                "pattern", "(unclosed"))).statusCode(400).body("errors.field", hasItem("problem.pattern"));
        a.create(Map.of("type", "problem", "parent", vertical, "problem", Map.of("kind", "numerical", "prompt", "?",
                "tolerance", Map.of("mode", "relative", "value", 0.1)))).statusCode(400)
                .body("errors.field", hasItem("problem.answer"));
    }

    @Test
    void deletingAChapterRemovesItsSubtree() {
        Authoring a = new Authoring();
        a.smallCourse();
        String chapter = a.key("chapter", "ch1");
        given().auth().oauth2(a.author).header("If-Match", a.etag(chapter)).delete(BLOCK, a.course, chapter).then()
                .statusCode(204);
        given().auth().oauth2(a.author).get("/api/content/v1/courses/{c}/draft", a.course).then()
                .body("blocks.key", contains(a.root));
        given().auth().oauth2(a.author).get(BLOCK, a.course, a.key("problem", "p1")).then().statusCode(404);
        given().auth().oauth2(a.author).header("If-Match", a.etag(a.root)).delete(BLOCK, a.course, a.root).then()
                .statusCode(409);
    }

    @Test
    void onlyTheCourseTeamReadsOrEditsTheDraft() {
        Authoring a = new Authoring();
        given().auth().oauth2(Authoring.learner()).get("/api/content/v1/courses/{c}/draft", a.course).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Authoring.learner()).contentType("application/json").body(Map.of("type", "chapter"))
                .post("/api/content/v1/courses/{c}/draft/blocks", a.course).then().statusCode(403);
        String otherCourseStaff = io.openlearn.testkit.TestTokens.user("other")
                .role("course_staff", "course-v1:Other+X+Y").sign();
        given().auth().oauth2(otherCourseStaff).get("/api/content/v1/courses/{c}/draft", a.course).then()
                .statusCode(403);
        String orgAdmin = io.openlearn.testkit.TestTokens.user("oa").role("org_admin", a.org).sign();
        given().auth().oauth2(orgAdmin).get("/api/content/v1/courses/{c}/draft", a.course).then().statusCode(200)
                .body("blocks[0].parent", nullValue()).body("blocks[0].etag", notNullValue());
    }
}
