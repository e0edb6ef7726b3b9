package io.openlearn.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openlearn.kit.servicetoken.ServiceTokenProvider;
import io.openlearn.testkit.FormBody;
import io.openlearn.testkit.KeycloakTokens;
import io.openlearn.testkit.PlatformTokens;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenExchangeResourceTest {

    static final String EXCHANGE = PlatformTokens.TOKEN_EXCHANGE;
    static final String ACCESS_TOKEN = PlatformTokens.ACCESS_TOKEN;

    @Inject
    ServiceTokenProvider serviceTokens;

    static ValidatableResponse exchange(String subjectToken) {
        return PlatformTokens.exchange(given(), subjectToken);
    }

    static String platformTokenFor(String username) {
        return PlatformTokens.forUser(username);
    }

    @Test
    void keycloakTokenOfLearnerIsExchangedForPlatformTokenThatMeAccepts() {
        exchange(KeycloakTokens.demoUser("learner1")).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("issued_token_type", equalTo(ACCESS_TOKEN))
                .body("expires_in", equalTo(600));
        given().auth().oauth2(platformTokenFor("learner1"))
                .get("/api/auth/v1/me").then().statusCode(200)
                .body("username", equalTo("learner1"))
                .body("email", equalTo("learner1@example.org"))
                .body("groups", contains("user"))
                .body("id", notNullValue());
    }

    @Test
    void platformTokenCarriesKidIssuerAudienceAndAdminGroup() {
        String token = platformTokenFor("admin");
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        java.util.List<String> kids = given().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        String kid = io.openlearn.testkit.JwtParts.kid(token);
        org.junit.jupiter.api.Assertions.assertTrue(kids.contains(kid), header + " not in " + kids);
        org.junit.jupiter.api.Assertions.assertTrue(header.contains("\"alg\":\"RS256\""), header);
        given().auth().oauth2(token).get("/api/auth/v1/me").then().statusCode(200)
                .body("groups", containsInAnyOrder("admin", "user"));
    }

    @Test
    void sameUserExchangingTwiceKeepsOnePlatformIdentity() {
        String first = given().auth().oauth2(platformTokenFor("learner2")).get("/api/auth/v1/me")
                .then().extract().path("id");
        given().auth().oauth2(platformTokenFor("learner2")).get("/api/auth/v1/me")
                .then().body("id", equalTo(first));
    }

    @Test
    void serviceAccountTokenBecomesServiceGroupThroughTheServiceTokenProvider() {
        given().auth().oauth2(serviceTokens.token()).get("/api/auth/v1/me").then().statusCode(200)
                .body("username", equalTo("enrollment"))
                .body("groups", contains("service"));
    }

    @Test
    void tamperedIdentityProviderTokenIsRefusedAsInvalidRequest() {
        String token = KeycloakTokens.demoUser("learner1");
        String[] parts = token.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("learner1", "admin").getBytes());
        exchange(parts[0] + "." + forgedPayload + "." + parts[2]).statusCode(400)
                .contentType("application/problem+json")
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void malformedSubjectTokensAreInvalidRequestsNeverServerErrors() {
        String keycloak = KeycloakTokens.demoUser("learner1");
        String[] parts = keycloak.split("\\.");
        String trustedIssuer = new String(Base64.getUrlDecoder().decode(parts[1]));
        List<String> malformed = List.of("not-a-jwt", "a.b.c", "..", "...", ".e30.",
                base64("{\"alg\":\"RS256\"}") + "." + base64("[]") + ".",
                base64("{\"alg\":\"RS256\"}") + "." + base64("\"text\"") + ".x",
                base64("{\"alg\":\"RS256\"}") + "." + base64("{\"iss\":{\"$gt\":\"\"}}") + ".x",
                base64("{\"alg\":\"RS256\"}") + "." + base64("{\"iss\":\"a\\u0000b\"}") + ".x",
                // a trusted issuer's claims under a header and signature that are not a JWT's
                "%%%." + parts[1] + ".%%%", base64("null") + "." + parts[1] + "." + parts[2],
                base64("{\"alg\":\"none\"}") + "." + base64(trustedIssuer) + ".",
                base64("{\"alg\":\"RS256\",\"kid\":{\"x\":1}}") + "." + parts[1] + "." + parts[2],
                parts[0] + "." + parts[1] + ".", parts[0] + "." + parts[1] + "." + parts[2] + ".extra",
                keycloak + "\u0000");
        for (int i = 0; i < malformed.size(); i++) {
            var response = exchange(malformed.get(i)).extract();
            assertEquals(400, response.statusCode(), "case " + i);
            assertEquals("invalid_request", response.path("error"), "case " + i);
        }
    }

    @Test
    void brokenFormEncodingAndMissingTokenTypeAreInvalidRequests() {
        given().contentType("application/x-www-form-urlencoded").body("grant_type=%zz&subject_token=x")
                .post("/api/auth/v1/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType("application/x-www-form-urlencoded")
                .body(FormBody.of("grant_type", EXCHANGE).and("subject_token", KeycloakTokens.demoUser("learner1"))
                        .encoded())
                .post("/api/auth/v1/token").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void platformTokenIsNotAcceptedAsSubjectToken() {
        exchange(TestTokens.admin("mallory").sign()).statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void unsupportedGrantTypeAndMissingSubjectTokenAreOAuthErrors() {
        given().contentType("application/x-www-form-urlencoded").body(FormBody.of("grant_type", "password").encoded())
                .post("/api/auth/v1/token").then().statusCode(400)
                .contentType("application/problem+json")
                .body("error", equalTo("unsupported_grant_type"));
        given().contentType("application/x-www-form-urlencoded").body(FormBody.of("grant_type", EXCHANGE).encoded())
                .post("/api/auth/v1/token").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void jwksPublishesOnlyPublicRs256KeysWithCacheHeaders() {
        given().get("/api/auth/v1/jwks.json").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .body("keys.alg", everyItem(equalTo("RS256")))
                .body("keys", everyItem(not(hasKey("d"))))
                .body("keys", everyItem(not(hasKey("p"))));
    }

    @Test
    void meWithoutTokenIsUnauthorizedProblem() {
        given().get("/api/auth/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue())
                .body("status", equalTo(401))
                .body("requestId", notNullValue());
    }

    @Test
    void meWithTokenSignedByUnknownKeyIsUnauthorized() {
        given().auth().oauth2(TestTokens.user("learner1").sign()).get("/api/auth/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void requestIdIsTakenFromCallerAndReturned() {
        given().header("X-Request-Id", "trace-abc-123").get("/api/auth/v1/me").then().statusCode(401)
                .header("X-Request-Id", "trace-abc-123")
                .body("requestId", equalTo("trace-abc-123"));
    }
}
