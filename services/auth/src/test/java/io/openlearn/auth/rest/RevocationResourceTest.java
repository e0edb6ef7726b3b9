package io.openlearn.auth.rest;

import static io.openlearn.auth.rest.AuthTestUsers.platformToken;
import static io.openlearn.auth.rest.AuthTestUsers.serviceToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RevocationResourceTest {

    @Test
    void logoutRevokesThePresentedTokenOnlyAndItAppearsInTheFeed() throws Exception {
        String token = platformToken("learner2");
        String other = platformToken("learner2");
        given().auth().oauth2(token).post("/api/auth/v1/logout").then().statusCode(204);
        given().auth().oauth2(token).get("/api/auth/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(other).get("/api/auth/v1/me").then().statusCode(200);

        String jti = PlatformJwt.claim(token, "jti");
        given().auth().oauth2(serviceToken("enrollment")).get("/api/auth/v1/revocations").then().statusCode(200)
                .body("asOf", notNullValue())
                .body("tokens.jti", hasItem(jti));
    }

    @Test
    void revokingAllOfAUsersTokensRefusesThoseIssuedBeforeButNotLaterOnes() throws Exception {
        String old = platformToken("learner1");
        given().auth().oauth2(platformToken("admin")).post("/api/auth/v1/users/learner1/token-revocation")
                .then().statusCode(204);
        given().auth().oauth2(old).get("/api/auth/v1/me").then().statusCode(401);
        Thread.sleep(2100);
        given().auth().oauth2(platformToken("learner1")).get("/api/auth/v1/me").then().statusCode(200);
    }

    @Test
    void onlyAdminsRevokeOthersAndOnlyServicesOrAdminsReadTheFeed() {
        String learner = platformToken("learner2");
        platformToken("learner1");
        given().auth().oauth2(learner).post("/api/auth/v1/users/learner1/token-revocation").then().statusCode(403);
        given().auth().oauth2(learner).get("/api/auth/v1/revocations").then().statusCode(403);
        given().auth().oauth2(serviceToken("gateway")).queryParam("since", "not-a-time")
                .get("/api/auth/v1/revocations").then().statusCode(400);
        given().post("/api/auth/v1/logout").then().statusCode(401);
    }
}
