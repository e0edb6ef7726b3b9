package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetResourceTest {

    private static final String ASSETS = "/api/content/v1/courses/{c}/assets";
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    Upstreams upstreams;

    private String fetch(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void presignedUploadGoesStraightToS3AndDownloadsThroughAPresignedGet() throws Exception {
        Authoring a = new Authoring();
        byte[] file = "name,score\nada,1\n".getBytes(StandardCharsets.UTF_8);
        String uploadUrl = given().auth().oauth2(a.author).contentType("application/json")
                .body(Map.of("name", "scores.csv", "contentType", "text/csv", "size", file.length))
                .post(ASSETS + "/uploads", a.course).then().statusCode(201).body("method", equalTo("PUT"))
                .extract().path("uploadUrl");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                .header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertEquals(200, put.statusCode(), put.body());
        upstreams.run(a.course, java.time.Instant.now().minusSeconds(60), 0);
        given().auth().oauth2(Authoring.learner()).get(ASSETS + "/{n}", a.course, "scores.csv").then()
                .statusCode(403).contentType("application/problem+json");
        upstreams.openTo(a.course, "learner1");
        String downloadUrl = given().auth().oauth2(Authoring.learner()).get(ASSETS + "/{n}", a.course, "scores.csv")
                .then().statusCode(200).body("size", equalTo(file.length)).extract().path("downloadUrl");
        Assertions.assertEquals(new String(file, StandardCharsets.UTF_8), fetch(downloadUrl));
    }

    @Test
    void proxiedUploadStoresListsAndDeletes() throws Exception {
        Authoring a = new Authoring();
        given().auth().oauth2(a.author).contentType("image/png").body(new byte[] {1, 2, 3, 4})
                .put(ASSETS + "/{n}", a.course, "logo.png").then().statusCode(201).body("size", equalTo(4))
                .body("contentType", equalTo("image/png"));
        upstreams.openTo(a.course, "learner1");
        given().auth().oauth2(Authoring.learner()).get(ASSETS, a.course).then().statusCode(200)
                .body("items.name", contains("logo.png")).body("items[0].size", equalTo(4));
        given().auth().oauth2(a.author).delete(ASSETS + "/{n}", a.course, "logo.png").then().statusCode(204);
        given().auth().oauth2(a.author).get(ASSETS, a.course).then().body("items", hasSize(0));
        given().auth().oauth2(a.author).get(ASSETS + "/{n}", a.course, "logo.png").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedDisallowedOrBadlyNamedAssetsAreRefused() {
        Authoring a = new Authoring();
        given().auth().oauth2(a.author).contentType("application/json")
                .body(Map.of("name", "big.mp4", "contentType", "video/mp4", "size", 2_000_000))
                .post(ASSETS + "/uploads", a.course).then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(a.author).contentType("image/png").body(new byte[1_048_577])
                .put(ASSETS + "/{n}", a.course, "huge.png").then().statusCode(413);
        given().auth().oauth2(a.author).contentType("application/json")
                .body(Map.of("name", "page.html", "contentType", "text/html", "size", 10))
                .post(ASSETS + "/uploads", a.course).then().statusCode(415);
        given().auth().oauth2(a.author).contentType("application/json")
                .body(Map.of("name", ".hidden", "contentType", "text/plain", "size", 10))
                .post(ASSETS + "/uploads", a.course).then().statusCode(400);
        given().auth().oauth2(a.author).get(ASSETS, a.course).then().body("items", hasSize(0));
    }

    @Test
    void learnersNeitherUploadNorDelete() {
        Authoring a = new Authoring();
        given().auth().oauth2(Authoring.learner()).contentType("text/plain").body("hi")
                .put(ASSETS + "/{n}", a.course, "note.txt").then().statusCode(403);
        given().auth().oauth2(Authoring.learner()).contentType("application/json")
                .body(Map.of("name", "note.txt", "contentType", "text/plain", "size", 2))
                .post(ASSETS + "/uploads", a.course).then().statusCode(403);
        given().auth().oauth2(Authoring.learner()).delete(ASSETS + "/{n}", a.course, "note.txt").then()
                .statusCode(403);
    }
}
