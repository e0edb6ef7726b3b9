package io.openlearn.e2e;

import static io.restassured.RestAssured.given;

import io.openlearn.testkit.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.Predicate;

/** What every journey does through the gateway: act as a demo user with a fresh Keycloak token, enroll. */
final class Journeys {

    static final String GATEWAY = GatewayIdentityJourneyTest.GATEWAY;

    private Journeys() {
    }

    static RequestSpecification as(String username) {
        return given().baseUri(GATEWAY).auth().oauth2(KeycloakTokens.demoUser(username));
    }

    /** auth knows a user once they have signed in once. */
    static void signIn(String... usernames) {
        for (String user : usernames) {
            as(user).get("/api/auth/v1/me").then().statusCode(200);
        }
    }

    /**
     * Self-enrolls {@code username} in audit mode, returning the final status. A new run's rules reach enrollment
     * through the outbox and RabbitMQ, so a 404 (run not known yet) is retried for a few seconds.
     */
    static int enroll(String username, String courseKey) throws InterruptedException {
        String mine = "/api/enrollment/v1/courses/" + courseKey + "/enrollments/me";
        int status = 404;
        for (int i = 0; i < 50 && status == 404; i++) {
            status = as(username).contentType("application/json").body(Map.of("mode", "audit")).put(mine)
                    .statusCode();
            if (status == 404) {
                Thread.sleep(200);
            }
        }
        return status;
    }

    /** Reads {@code path} as {@code user} until it answers 200 and {@code ready} holds, for at most 30 s. */
    static ValidatableResponse poll(String user, String path, Predicate<JsonPath> ready) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            ValidatableResponse response = as(user).get(path).then();
            if (response.extract().statusCode() == 200 && ready.test(response.extract().jsonPath())) {
                return response;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not ready after 30 s: " + path + " -> " + response.extract().asString());
            }
            Thread.sleep(100);
        }
    }
}
