package io.openlearn.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.openlearn.kit.security.RevocationList;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What every service promises whatever its domain: probes, its contract at /q/openapi, metrics, and problem+json for
 * missing, expired and foreign tokens and for unknown paths. A service's test extends this and names one protected
 * path of its API.
 */
public abstract class PlatformEndpointsContract {

    /** A GET path of the service's API that requires a token. */
    protected abstract String protectedPath();

    /** The key the service under test trusts; auth overrides this with its own active signing key. */
    protected SigningKey trustedKey() {
        return TestTokens.testKey();
    }

    /** A path that appears in the service's contract, to recognise its document at /q/openapi. */
    protected String documentedPath() {
        return protectedPath();
    }

    @Test
    void healthProbesAreUp() {
        for (String probe : new String[] {"/q/health/live", "/q/health/ready", "/q/health/started"}) {
            given().get(probe).then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void servesItsContractAtOpenApiEndpoint() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString(documentedPath())).extract().asString();
        Assertions.assertEquals(ContractDocument.operations(System.getProperty("openlearn.contract")),
                ContractDocument.operationsOfJson(served), "every operation of the contract, and nothing else");
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void apiWithoutTokenIsUnauthorizedProblemJson() {
        given().get(protectedPath()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo(401))
                .body(not(containsString("Exception")));
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String expired = TestTokens.user("learner1").issuedAgo(Duration.ofHours(2)).lifetime(Duration.ofMinutes(10))
                .sign();
        given().auth().oauth2(expired).get(protectedPath()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        given().auth().oauth2(TestTokens.user("learner1").audience("some-other-system").sign())
                .get(protectedPath()).then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        given().auth().oauth2(TestTokens.user("learner1").issuer("https://evil.example").sign())
                .get(protectedPath()).then().statusCode(401);
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        String[] parts = TestTokens.user("learner1").sign().split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        given().auth().oauth2(tampered).get(protectedPath()).then().statusCode(401);
    }

    @Test
    void validTokenOfTheTrustedKeyIsAccepted() {
        // the control for the hostile cases: with the same key, issuer and audience a well-formed token passes
        int status = given().auth().oauth2(hostileTokens().valid("learner1")).get(protectedPath()).statusCode();
        Assertions.assertNotEquals(401, status);
    }

    @Test
    void hostileTokensAreUnauthorizedProblemsAndNothingIsLoggedAtError() {
        try (ErrorLogWatch watch = new ErrorLogWatch()) {
            for (HostileTokens.Case hostile : hostileTokens().all()) {
                var response = given().header("Authorization", "Bearer " + hostile.token()).get(protectedPath());
                Assertions.assertEquals(401, response.statusCode(), hostile.name());
                Assertions.assertTrue(response.contentType().startsWith("application/problem+json"), hostile.name());
                Assertions.assertFalse(response.asString().contains("Exception"), hostile.name());
            }
            Assertions.assertEquals(List.of(), watch.errors());
        }
    }

    @Test
    void revokedTokenIsUnauthorizedAndOthersOfTheSameUserAreNot() {
        HostileTokens tokens = hostileTokens();
        String revoked = tokens.valid("learner1");
        String other = tokens.valid("learner1");
        RevocationList revocations = CDI.current().select(RevocationList.class).get();
        revocations.revokeToken(JwtParts.jti(revoked), Instant.now().plus(Duration.ofMinutes(10)));
        given().auth().oauth2(revoked).get(protectedPath()).then().statusCode(401)
                .contentType("application/problem+json");
        Assertions.assertNotEquals(401, given().auth().oauth2(other).get(protectedPath()).statusCode());
    }

    protected HostileTokens hostileTokens() {
        Config config = ConfigProvider.getConfig();
        return new HostileTokens(trustedKey(), config.getValue("mp.jwt.verify.issuer", String.class),
                config.getValue("mp.jwt.verify.audiences", String.class));
    }

    @Test
    void unknownPathIsNotFoundProblemJson() {
        given().auth().oauth2(TestTokens.user("learner1").sign()).get("/api/no-such-api/v1/things").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/no-such-api/v1/things"));
    }

    @Test
    void requestIdIsMadeWhenAbsentAndEchoedWhenGiven() {
        given().get("/q/health/live").then().header("X-Request-Id", notNullValue());
        given().header("X-Request-Id", "rid-42").get("/q/health/live").then().header("X-Request-Id", "rid-42");
    }
}
