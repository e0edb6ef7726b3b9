package io.openlearn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.openlearn.kit.security.RevocationList;
import io.openlearn.testkit.ErrorLogWatch;
import io.openlearn.testkit.HostileTokens;
import io.openlearn.testkit.JwtParts;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EchoUpstream.class)
class GatewayRoutingTest {

    @Test
    void requestWithoutTokenIsUnauthorizedProblemWithChallenge() {
        given().get("/api/enrollment/v1/me/enrollments").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(401))
                .body("requestId", notNullValue());
    }

    @Test
    void platformTokenIsForwardedWithPathQueryAndRequestId() {
        String token = TestTokens.user("learner1").sign();
        given().auth().oauth2(token).header("X-Request-Id", "edge-rid-1")
                .get("/api/enrollment/v1/me/enrollments?limit=5").then().statusCode(200)
                .header("X-Upstream", "echo")
                .header("X-Request-Id", "edge-rid-1")
                .body("uri", equalTo("/api/enrollment/v1/me/enrollments?limit=5"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-request-id", equalTo("edge-rid-1"));
    }

    @Test
    void callerCannotSpoofForwardedOrInternalHeaders() {
        given().auth().oauth2(TestTokens.user("learner1").sign())
                .header("X-Forwarded-For", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.6")
                .header("X-OpenLearn-User", "admin")
                .get("/api/enrollment/v1/me/enrollments").then().statusCode(200)
                .body("headers.x-forwarded-for", not(containsString("6.6.6.6")))
                .body("headers.forwarded", nullValue())
                .body("headers.x-openlearn-user", nullValue());
    }

    @Test
    void tamperedExpiredForeignAndMalformedTokensAreUnauthorized() {
        String[] parts = TestTokens.user("learner1").sign().split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        String expired = TestTokens.user("learner1").issuedAgo(Duration.ofHours(1)).lifetime(Duration.ofMinutes(5))
                .sign();
        String foreign = TestTokens.user("learner1").issuer("https://evil.example").sign();
        String wrongAudience = TestTokens.user("learner1").audience("another-system").sign();
        for (String token : new String[] {tampered, expired, foreign, wrongAudience, "not-a-jwt"}) {
            given().auth().oauth2(token).get("/api/enrollment/v1/me/enrollments").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void tokenEndpointIsPublic() {
        given().contentType("application/x-www-form-urlencoded").body("grant_type=x")
                .post("/api/auth/v1/token").then().statusCode(200)
                .body("uri", equalTo("/api/auth/v1/token"))
                .body("bodyLength", equalTo(12));
    }

    @Test
    void requestBodyStreamsThroughUnchanged() throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(body);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given().auth().oauth2(TestTokens.user("learner1").sign()).contentType("application/octet-stream").body(body)
                .put("/api/enrollment/v1/anything").then().statusCode(200)
                .body("method", equalTo("PUT"))
                .body("bodyLength", equalTo(body.length))
                .body("bodySha256", equalTo(digest));
    }

    @Test
    void unknownApiIsNotFoundProblem() {
        given().auth().oauth2(TestTokens.user("learner1").sign()).get("/api/nope/v1/things").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void deadUpstreamIsBadGatewayProblem() {
        given().auth().oauth2(TestTokens.user("learner1").sign()).get("/api/authoring/v1/course-runs")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", containsString("authoring"));
    }

    @Test
    void slowUpstreamIsGatewayTimeoutProblem() {
        given().auth().oauth2(TestTokens.user("learner1").sign()).get("/api/enrollment/v1/slow")
                .then().statusCode(504)
                .contentType("application/problem+json");
    }

    @Test
    void hostileTokensAreRefusedAtTheEdgeAndNothingIsLoggedAtError() {
        HostileTokens hostile = new HostileTokens(TestTokens.testKey(),
                ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class), "openlearn-services");
        given().auth().oauth2(hostile.valid("learner1")).get("/api/enrollment/v1/me").then().statusCode(200);
        try (ErrorLogWatch watch = new ErrorLogWatch()) {
            for (HostileTokens.Case c : hostile.all()) {
                var response = given().header("Authorization", "Bearer " + c.token()).get("/api/enrollment/v1/me");
                Assertions.assertEquals(401, response.statusCode(), c.name());
                Assertions.assertTrue(response.contentType().startsWith("application/problem+json"), c.name());
            }
            Assertions.assertEquals(java.util.List.of(), watch.errors());
        }
    }

    @Test
    void revokedTokenIsRefusedAtTheEdge() {
        String token = TestTokens.user("learner1").sign();
        given().auth().oauth2(token).get("/api/enrollment/v1/me").then().statusCode(200);
        revocations.revokeToken(JwtParts.jti(token), java.time.Instant.now().plusSeconds(600));
        given().auth().oauth2(token).get("/api/enrollment/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Inject
    RevocationList revocations;

    @Test
    void probesAndMetricsAnswerOnTheManagementPort() {
        int management = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics"}) {
            given().port(management).get(path).then().statusCode(200);
        }
    }

    @Test
    void thePublicPortServesNoManagementEndpoints() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/", "/q",
                "/q/swagger-ui/", "/", "/favicon.ico"}) {
            given().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404)).body("type", notNullValue());
        }
    }
}
