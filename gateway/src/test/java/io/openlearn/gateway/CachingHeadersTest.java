package io.openlearn.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openlearn.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What shared caches may keep: nothing personal unless the service says so, and never one origin's CORS answer. */
@QuarkusTest
@QuarkusTestResource(EchoUpstream.class)
class CachingHeadersTest {

    /** Every Vary token of the answer, across all its Vary headers, as sent. */
    private static List<String> vary(Response response) {
        return response.headers().getValues("Vary").stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static List<String> lowerCase(List<String> tokens) {
        return tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void anAuthenticatedAnswerWithoutCacheControlOfItsOwnIsNoStore() {
        for (String path : List.of("/api/grades/v1/me/course-grades", "/api/grades/v1/courses/c/progress",
                "/api/submission/v1/courses/c/items/i/submissions")) {
            Response response = given().auth().oauth2(TestTokens.user("learner1").sign()).get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals(List.of("no-store"), response.headers().getValues("Cache-Control"), path);
        }
    }

    @Test
    void theServicesOwnCacheControlIsKept() {
        Response response = given().auth().oauth2(TestTokens.user("learner1").sign())
                .get("/api/content/v1/cacheable/assets/logo.png");
        assertEquals(200, response.statusCode());
        assertEquals(List.of("public, max-age=60"), response.headers().getValues("Cache-Control"));
    }

    @Test
    void everyApiAnswerVariesByOrigin() {
        assertEquals(List.of("Origin"), vary(given().auth().oauth2(TestTokens.user("learner1").sign())
                .get("/api/enrollment/v1/me/enrollments")));
        assertEquals(List.of("Origin"), vary(given().get("/api/enrollment/v1/me/enrollments")), "the gateway's 401");
        assertEquals(List.of("Origin"), vary(given().header("Origin", "http://localhost:3000")
                .get("/api/docs/openapi.json")), "the gateway's own documents");
    }

    @Test
    void corsPreflightsVaryByOrigin() {
        Response allowed = given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST").options("/api/enrollment/v1/courses/x");
        assertEquals(200, allowed.statusCode());
        assertEquals(List.of("origin"), lowerCase(vary(allowed)).stream().filter("origin"::equals).toList());
        Response refused = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").options("/api/enrollment/v1/courses/x");
        assertEquals(List.of("origin"), lowerCase(vary(refused)).stream().filter("origin"::equals).toList());
    }

    @Test
    void theUpstreamsVaryIsMergedWithOriginAndNothingIsRepeated() {
        Response response = given().auth().oauth2(TestTokens.user("learner1").sign())
                .get("/api/enrollment/v1/varies/x");
        assertEquals(200, response.statusCode());
        assertEquals(List.of("origin", "accept-encoding", "accept-language"), lowerCase(vary(response)));
    }
}
