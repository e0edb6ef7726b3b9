package io.openlearn.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway routes, classifies and forwards one canonical form of each request, so no spelling of a path or method
 * that reaches an operation can reach it in another rate-limit class. Requests go out on a raw socket: HTTP clients
 * would tidy some of these spellings before sending them.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstream.class)
class PathNormalizationTest {

    private static final String COURSE = "course-v1:Org+C1+2026";
    private static final String JOBS = "/api/grades/v1/courses/" + COURSE + "/jobs";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "POST " + JOBS,
            "POST " + JOBS + "/",
            "POST " + JOBS + ";x=1",
            "POST /api/grades/v1/courses/" + COURSE + ";v=2/jobs",
            "POST /api/grades/v1/courses/" + COURSE + "//jobs",
            "POST //api//grades/v1/courses/" + COURSE + "/jobs//",
            "POST /api/grades/v1/courses/" + COURSE + "/j%6Fbs",
            "POST /api/grades/v1/courses/" + COURSE + "/%6a%6f%62%73",
            "POST " + JOBS + "/.",
            "POST /api/grades/v1/courses/" + COURSE + "/./jobs",
            "POST /api/grades/v1/courses/" + COURSE + "/x/../jobs",
            "POST /api/enrollment/../grades/v1/courses/" + COURSE + "/jobs",
            "POST /api/grades/v1/courses/" + COURSE + "/%2e/jobs",
            "post " + JOBS,
            "Post " + JOBS + "/?dryRun=true",
    })
    void everySpellingOfStartingAGradeJobDrawsFromTheExpensiveBucket(String request) throws IOException {
        String method = request.substring(0, request.indexOf(' '));
        String target = request.substring(request.indexOf(' ') + 1);
        String token = TestTokens.user("jobs-" + UUID.randomUUID()).sign();
        for (int i = 0; i < 2; i++) {
            RawHttp.Response allowed = RawHttp.exchange(method, target, token);
            assertEquals(200, allowed.status(), allowed.body());
            assertEquals("\"expensive\";q=2;w=200", allowed.header("RateLimit-Policy"), request);
            JsonPath echoed = JsonPath.from(allowed.body());
            assertEquals("POST", echoed.getString("method"), "the upstream runs what was classified");
            assertTrue(echoed.getString("uri").startsWith(JOBS), echoed.getString("uri"));
        }
        RawHttp.Response refused = RawHttp.exchange(method, target, token);
        assertEquals(429, refused.status(), request + ": " + refused.body());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
    }

    @Test
    void theUpstreamGetsTheCanonicalPathWithTheQueryAsSent() throws IOException {
        RawHttp.Response response = RawHttp.exchange("get",
                "/api/enrollment/v1//me/./enr%6Fllments;jsessionid=1/?limit=5&after=a%2Fb",
                TestTokens.user("learner1").sign());
        assertEquals(200, response.status(), response.body());
        JsonPath echoed = JsonPath.from(response.body());
        assertEquals("GET", echoed.getString("method"));
        assertEquals("/api/enrollment/v1/me/enrollments?limit=5&after=a%2Fb", echoed.getString("uri"));
    }

    @Test
    void anEncodedSlashStaysEncodedInsideItsSegment() throws IOException {
        RawHttp.Response response = RawHttp.exchange("GET", "/api/enrollment/v1/courses/a%2fb/x%41",
                TestTokens.user("learner1").sign());
        assertEquals(200, response.status(), response.body());
        assertEquals("/api/enrollment/v1/courses/a%2Fb/xA", JsonPath.from(response.body()).getString("uri"));
    }

    @Test
    void dotSegmentsCannotClimbOutOfTheApiToTheGatewaysOwnEndpoints() throws IOException {
        RawHttp.Response response = RawHttp.exchange("GET", "/api/enrollment/../../q/health",
                TestTokens.user("learner1").sign());
        assertEquals(404, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.body());
    }

    @Test
    void aMalformedPercentEncodingIsRefusedBeforeAnythingIsRouted() throws IOException {
        String marker = UUID.randomUUID().toString();
        RawHttp.Response response = RawHttp.exchange("GET", "/api/enrollment/v1/courses/%zz/" + marker,
                TestTokens.user("learner1").sign());
        // Quarkus refuses a target java.net.URI cannot parse before any handler runs: 400, without a body
        assertEquals(400, response.status(), response.body());
        assertTrue(EchoUpstream.STARTED.stream().noneMatch(p -> p.contains(marker)));
    }
}
