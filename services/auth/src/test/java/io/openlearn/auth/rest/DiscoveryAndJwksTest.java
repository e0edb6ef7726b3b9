package io.openlearn.auth.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.auth.service.SigningKeyService;
import io.openlearn.testkit.HostileTokens;
import io.openlearn.testkit.MetricsText;
import io.openlearn.testkit.SigningKey;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DiscoveryAndJwksTest {

    @Inject
    SigningKeyService keys;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Test
    void discoveryNamesIssuerKeysAndTokenEndpoint() {
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("issuer", equalTo(issuer))
                .body("jwks_uri", equalTo(issuer + "/.well-known/jwks.json"))
                .body("token_endpoint", equalTo(issuer + "/api/auth/v1/token"))
                .body("id_token_signing_alg_values_supported[0]", equalTo("RS256"));
    }

    @Test
    void aFloodOfUnknownKidsCausesAtMostOneJwksFetch() {
        HostileTokens hostile = new HostileTokens(new SigningKey(keys.activeKey().kid(), keys.activeKey().privateKey()),
                issuer, "openlearn-services");
        double before = jwksFetches();
        for (int i = 0; i < 25; i++) {
            given().auth().oauth2(hostile.unknownKid()).get("/api/auth/v1/me").then().statusCode(401);
        }
        double fetched = jwksFetches() - before;
        assertTrue(fetched <= 1, "25 unknown kids caused " + fetched + " JWKS fetches");
    }

    static double jwksFetches() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("openlearn_auth_jwks_requests_total"))
                .mapToDouble(MetricsText::value).sum();
    }
}
