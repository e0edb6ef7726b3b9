package io.openlearn.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.openlearn.testkit.KeycloakTokens;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An identity-provider token is exchanged at auth through the gateway's typed client: an exchanged token reaches the
 * upstream as a platform token, a token auth refuses is the caller's 401 and never trips the circuit, and auth failing
 * opens the circuit so later callers get a 503 without another call to auth.
 */
@QuarkusTest
@QuarkusTestResource(value = TokenServiceStandIn.class, restrictToAnnotatedClass = true)
// the circuit test runs last: it leaves the exchange's circuit open
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenExchangeTest {

    private static final String IDP_ISSUER = KeycloakTokens.REALM_URL;

    private static String idpToken(String username) {
        return TestTokens.user(username).issuer(IDP_ISSUER).sign();
    }

    @Test
    void anExchangedTokenReachesTheUpstreamAsAPlatformTokenAndIsExchangedOnce() {
        String token = idpToken("good-" + UUID.randomUUID());
        int before = TokenServiceStandIn.EXCHANGES.get();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/enrollment/v1/ping").then().statusCode(200)
                    .body("method", equalTo("GET"));
        }
        Assertions.assertEquals(before + 1, TokenServiceStandIn.EXCHANGES.get(), "cached after the first exchange");
    }

    @Test
    void tokensAuthRefusesAre401AndNeverOpenTheCircuit() {
        for (int i = 0; i < 25; i++) {
            given().auth().oauth2(idpToken("refused-" + UUID.randomUUID())).get("/api/enrollment/v1/ping").then()
                    .statusCode(401).contentType("application/problem+json")
                    .body("detail", equalTo("The bearer token is not valid."));
        }
        given().auth().oauth2(idpToken("good-" + UUID.randomUUID())).get("/api/enrollment/v1/ping").then()
                .statusCode(200);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void authFailingIsA503AndOpensTheCircuitSoAuthIsNotCalledAgainAtOnce() {
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(idpToken("broken-" + UUID.randomUUID())).get("/api/enrollment/v1/ping").then()
                    .statusCode(503).contentType("application/problem+json");
        }
        int before = TokenServiceStandIn.EXCHANGES.get();
        given().auth().oauth2(idpToken("good-" + UUID.randomUUID())).get("/api/enrollment/v1/ping").then()
                .statusCode(503).body("detail", equalTo("The token service is unavailable; try again shortly."));
        Assertions.assertEquals(before, TokenServiceStandIn.EXCHANGES.get(), "an open circuit does not call auth");
    }
}
