package io.openlearn.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.openlearn.testkit.KeycloakTokens;
import io.openlearn.testkit.PlatformTokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's first steps, through the one front door: real Keycloak tokens, the real auth service exchanging
 * them, real services behind the gateway.
 */
class GatewayIdentityJourneyTest {

    static final String GATEWAY = System.getProperty("e2e.gateway-url", "http://127.0.0.1:8080");

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = GATEWAY;
    }

    static RequestSpecification as(String username) {
        return given().auth().oauth2(KeycloakTokens.demoUser(username));
    }

    @Test
    void noTokenIsUnauthorizedProblem() {
        given().get("/api/auth/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void learnerKeycloakTokenIsExchangedAtTheEdgeAndMeNamesTheLearner() {
        as("learner1").get("/api/auth/v1/me").then().statusCode(200)
                .body("username", equalTo("learner1"))
                .body("email", equalTo("learner1@example.org"))
                .body("groups", hasItem("user"))
                .body("groups", not(hasItem("admin")));
    }

    @Test
    void adminCarriesAdminGroup() {
        as("admin").get("/api/auth/v1/me").then().statusCode(200)
                .body("username", equalTo("admin"))
                .body("groups", hasItem("admin"));
    }

    @Test
    void platformTokenFromTheTokenEndpointWorksDirectly() {
        given().auth().oauth2(platformToken("learner2")).get("/api/auth/v1/me").then().statusCode(200)
                .body("username", equalTo("learner2"));
    }

    @Test
    void tamperedKeycloakTokenIsUnauthorized() {
        given().auth().oauth2(tamper(KeycloakTokens.demoUser("learner1"))).get("/api/auth/v1/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tamperedPlatformTokenIsUnauthorized() {
        given().auth().oauth2(tamper(platformToken("learner1"))).get("/api/auth/v1/me").then().statusCode(401);
    }

    @Test
    void everyServiceAnswersThroughTheGatewayWithTheExchangedToken() {
        String token = KeycloakTokens.demoUser("learner1");
        String course = "course-v1:OpenLearnX+CS101+2026_T1";
        given().auth().oauth2(token).get("/api/authoring/v1/course-runs").then().statusCode(200);
        given().auth().oauth2(token).get("/api/content/v1/courses/" + course + "/versions").then().statusCode(200);
        given().auth().oauth2(token).get("/api/enrollment/v1/me/enrollments").then().statusCode(200);
        given().auth().oauth2(token).queryParam("courseKey", course).get("/api/submission/v1/me/submissions")
                .then().statusCode(200);
        given().auth().oauth2(token).get("/api/grades/v1/me/course-grades").then().statusCode(200);
    }

    @Test
    void requestIdIsCarriedThroughAndReturned() {
        as("learner1").header("X-Request-Id", "e2e-journey-1").get("/api/auth/v1/me").then().statusCode(200)
                .header("X-Request-Id", "e2e-journey-1");
        given().get("/api/auth/v1/me").then().header("X-Request-Id", notNullValue());
    }

    static String platformToken(String username) {
        return PlatformTokens.forUser(given(), username);
    }

    /** Swaps the subject inside the payload, keeping the original signature. */
    static String tamper(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("learner1", "admin").replace("\"exp\":", "\"exp\":1");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "."
                + parts[2];
    }
}
