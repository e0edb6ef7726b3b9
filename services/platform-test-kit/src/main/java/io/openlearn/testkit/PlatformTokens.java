package io.openlearn.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Platform tokens obtained the real way: a Keycloak token, exchanged at auth's token endpoint (RFC 8693). Without a
 * base URI the call goes wherever REST Assured points (auth itself in auth's tests); journeys pass the gateway's.
 */
public final class PlatformTokens {

    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";

    private PlatformTokens() {
    }

    /** The token endpoint's answer to exchanging {@code subjectToken}, for tests that look at the answer itself. */
    public static ValidatableResponse exchange(RequestSpecification on, String subjectToken) {
        return on.contentType("application/x-www-form-urlencoded")
                .body(FormBody.of("grant_type", TOKEN_EXCHANGE).and("subject_token", subjectToken)
                        .and("subject_token_type", ACCESS_TOKEN).encoded())
                .post("/api/auth/v1/token").then();
    }

    public static String forUser(String username) {
        return forUser(given(), username);
    }

    public static String forUser(RequestSpecification on, String username) {
        return exchange(on, KeycloakTokens.demoUser(username)).statusCode(200).extract().path("access_token");
    }

    public static String forService(String clientId) {
        return exchange(given(), KeycloakTokens.serviceAccount(clientId)).statusCode(200)
                .extract().path("access_token");
    }
}
