package io.openlearn.auth.rest;

import static io.restassured.RestAssured.given;

import io.openlearn.testkit.FormBody;
import io.openlearn.testkit.KeycloakTokens;

/** Platform tokens for the realm's demo users, obtained the real way: Keycloak, then auth's exchange. */
final class AuthTestUsers {

    static final String EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

    private AuthTestUsers() {
    }

    static String platformToken(String username) {
        return given().contentType("application/x-www-form-urlencoded")
                .body(FormBody.of("grant_type", EXCHANGE).and("subject_token", KeycloakTokens.demoUser(username))
                        .and("subject_token_type", ACCESS_TOKEN).encoded())
                .post("/api/auth/v1/token").then().statusCode(200)
                .extract().path("access_token");
    }

    static String serviceToken(String clientId) {
        return given().contentType("application/x-www-form-urlencoded")
                .body(FormBody.of("grant_type", EXCHANGE)
                        .and("subject_token", KeycloakTokens.serviceAccount(clientId))
                        .and("subject_token_type", ACCESS_TOKEN).encoded())
                .post("/api/auth/v1/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
