package io.openlearn.testkit;

import static io.restassured.RestAssured.given;

/**
 * Real access tokens from the platform's Keycloak realm (started by {@code ./platform}), for tests that prove the
 * exchange and the edge with the real identity provider rather than a forged one.
 */
public final class KeycloakTokens {

    public static final String REALM_URL = System.getProperty("openlearn.keycloak.realm-url",
            System.getenv().getOrDefault("OPENLEARN_KEYCLOAK_REALM_URL", "http://127.0.0.1:8180/realms/openedx"));

    private KeycloakTokens() {
    }

    /** A demo user's token from the dev realm's public client (direct access grants are enabled there only). */
    public static String password(String username, String password) {
        return given().baseUri(REALM_URL).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("client_id", "frontend")
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The demo users' dev-only passwords follow one pattern, written in the README. */
    public static String demoUser(String username) {
        return password(username, username + "-dev-pass");
    }

    /** A service account's token (client credentials) with the dev realm's secret. */
    public static String serviceAccount(String clientId) {
        return given().baseUri(REALM_URL).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", "dev-secret-" + clientId)
                .post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
