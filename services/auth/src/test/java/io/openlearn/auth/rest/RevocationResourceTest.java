package io.openlearn.auth.rest;

import static io.openlearn.testkit.PlatformTokens.forService;
import static io.openlearn.testkit.PlatformTokens.forUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.openlearn.testkit.JwtParts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RevocationResourceTest {

    @Test
    void logoutRevokesThePresentedTokenOnlyAndItAppearsInTheFeed() throws Exception {
        String token = forUser("learner2");
        String other = forUser("learner2");
        given().auth().oauth2(token).post("/api/auth/v1/logout").then().statusCode(204);
        given().auth().oauth2(token).get("/api/auth/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(other).get("/api/auth/v1/me").then().statusCode(200);

        String jti = JwtParts.jti(token);
        given().auth().oauth2(forService("enrollment")).get("/api/auth/v1/revocations").then().statusCode(200)
                .body("asOf", notNullValue())
                .body("tokens.jti", hasItem(jti));
    }

    @Test
    void revokingAllOfAUsersTokensRefusesThoseIssuedBeforeButNotLaterOnes() throws Exception {
        String old = forUser("learner1");
        given().auth().oauth2(forUser("admin")).post("/api/auth/v1/users/learner1/token-revocation")
                .then().statusCode(204);
        given().auth().oauth2(old).get("/api/auth/v1/me").then().statusCode(401);
        Thread.sleep(2100);
        given().auth().oauth2(forUser("learner1")).get("/api/auth/v1/me").then().statusCode(200);
    }

    @Test
    void onlyAdminsRevokeOthersAndOnlyServicesOrAdminsReadTheFeed() {
        String learner = forUser("learner2");
        forUser("learner1");
        given().auth().oauth2(learner).post("/api/auth/v1/users/learner1/token-revocation").then().statusCode(403);
        given().auth().oauth2(learner).get("/api/auth/v1/revocations").then().statusCode(403);
        given().auth().oauth2(forService("gateway")).queryParam("since", "not-a-time")
                .get("/api/auth/v1/revocations").then().statusCode(400);
        given().post("/api/auth/v1/logout").then().statusCode(401);
    }
}
