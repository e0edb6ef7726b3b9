package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseArchiveResourceTest {

    private static final String ARCHIVE = "/api/content/v1/courses/{c}/archive";

    @Test
    void anExportedCourseImportsIntoAnotherRunWithItsProblemsAndAssets() {
        Authoring source = new Authoring();
        source.smallCourse();
        given().auth().oauth2(source.author).contentType("text/plain").body("hello")
                .put("/api/content/v1/courses/{c}/assets/{n}", source.course, "notes.txt").then().statusCode(201);
        byte[] zip = given().auth().oauth2(source.author).get(ARCHIVE, source.course).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();

        Authoring target = new Authoring();
        given().auth().oauth2(target.author).contentType("application/zip").body(zip).post(ARCHIVE, target.course)
                .then().log().ifValidationFails().statusCode(201).body("blockCount", equalTo(6))
                .body("assetCount", equalTo(1))
                .body("sourceCourseKey", equalTo(source.course));
        given().auth().oauth2(target.author).get("/api/content/v1/courses/{c}/draft", target.course).then()
                .statusCode(200)
                .body("blocks.key", contains(target.root, target.key("chapter", "ch1"), target.key("sequential", "hw1"),
                        target.key("vertical", "v1"), target.key("problem", "p1"), target.key("html", "intro")))
                .body("blocks[4].problem.correctChoices", contains("b"));
        given().auth().oauth2(target.author).get("/api/content/v1/courses/{c}/assets", target.course).then()
                .body("items.name", contains("notes.txt"));
        // a second import would overwrite the run's content: refused
        given().auth().oauth2(target.author).contentType("application/zip").body(zip).post(ARCHIVE, target.course)
                .then().statusCode(409);
    }

    @Test
    void aBrokenArchiveChangesNothing() throws Exception {
        Authoring target = new Authoring();
        byte[] problemUnderTheRoot = archive("{\"key\":\"block-v1:A+B+C+type@course+block@course\",\"type\":\"course\","
                + "\"parent\":null,\"sortKey\":\"\",\"content\":{}}",
                "{\"key\":\"block-v1:A+B+C+type@problem+block@p\",\"type\":\"problem\","
                        + "\"parent\":\"block-v1:A+B+C+type@course+block@course\",\"sortKey\":\"V\",\"content\":{}}");
        given().auth().oauth2(target.author).contentType("application/zip").body(problemUnderTheRoot)
                .post(ARCHIVE, target.course).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(target.author).contentType("application/zip").body(new byte[] {1, 2, 3})
                .post(ARCHIVE, target.course).then().statusCode(400);
        given().auth().oauth2(target.author).get("/api/content/v1/courses/{c}/draft", target.course).then()
                .body("blocks.key", contains(target.root));
    }

    private static byte[] archive(String... lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("course.json"));
            zip.write("{\"format\":\"openlearn-course/1\",\"courseKey\":\"course-v1:A+B+C\",\"assets\":[]}"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("blocks.jsonl"));
            zip.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void duplicateBlocksOrForeignSortKeysAreBadRequestsNamingTheLine() throws Exception {
        Authoring target = new Authoring();
        String root = "{\"key\":\"block-v1:A+B+C+type@course+block@course\",\"type\":\"course\",\"parent\":null,"
                + "\"sortKey\":\"\",\"content\":{}}";
        String chapter = "{\"key\":\"block-v1:A+B+C+type@chapter+block@c\",\"type\":\"chapter\","
                + "\"parent\":\"block-v1:A+B+C+type@course+block@course\",\"sortKey\":\"V\",\"content\":{}}";
        given().auth().oauth2(target.author).contentType("application/zip").body(archive(root, chapter, chapter))
                .post(ARCHIVE, target.course).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(target.author).contentType("application/zip")
                .body(archive(root, chapter.replace("\"sortKey\":\"V\"", "\"sortKey\":\"V~\"")))
                .post(ARCHIVE, target.course).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("line 2"));
        given().auth().oauth2(target.author).get("/api/content/v1/courses/{c}/draft", target.course).then()
                .body("blocks.key", contains(target.root));
    }

    @Test
    void aRerunCopyTakesTheDraftAndAssetsOnce() {
        Authoring source = new Authoring();
        source.smallCourse();
        String target = "course-v1:" + source.org + "+CS101+2027_T1";
        given().auth().oauth2(Authoring.service()).contentType("application/json")
                .body(Map.of("targetCourseKey", target)).post("/api/content/v1/courses/{c}/copies", source.course)
                .then().statusCode(201).body("copiedBlocks", equalTo(6)).body("copiedAssets", equalTo(0));
        given().auth().oauth2(Authoring.service()).contentType("application/json")
                .body(Map.of("targetCourseKey", target)).post("/api/content/v1/courses/{c}/copies", source.course)
                .then().statusCode(409);
        given().auth().oauth2(Authoring.learner()).contentType("application/json")
                .body(Map.of("targetCourseKey", target)).post("/api/content/v1/courses/{c}/copies", source.course)
                .then().statusCode(403);
        given().auth().oauth2(io.openlearn.testkit.TestTokens.admin("root").sign()).contentType("application/json")
                .body(Map.of("targetCourseKey", "nope")).post("/api/content/v1/courses/{c}/copies", source.course)
                .then().statusCode(400);
    }

    @Test
    void learnersCannotExportAnswerKeys() {
        Authoring a = new Authoring();
        given().auth().oauth2(Authoring.learner()).get(ARCHIVE, a.course).then().statusCode(403);
    }
}
