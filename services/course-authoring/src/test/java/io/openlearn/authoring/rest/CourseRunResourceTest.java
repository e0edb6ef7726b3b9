package io.openlearn.authoring.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.openlearn.authoring.repository.CourseRunEntity;
import io.openlearn.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseRunResourceTest {

    static String createRun(String org, String number, String title) {
        String key = "course-v1:" + org + "+" + number + "+2026_T1";
        QuarkusTransaction.requiringNew().run(() -> {
            CourseRunEntity run = new CourseRunEntity();
            run.courseKey = key;
            run.org = org;
            run.number = number;
            run.run = "2026_T1";
            run.title = title;
            run.pacing = "self";
            run.start = Instant.parse("2026-01-10T00:00:00Z");
            run.createdAt = Instant.now();
            run.updatedAt = run.createdAt;
            run.version = 1;
            run.persist();
        });
        return key;
    }

    @Test
    void anySignedInUserReadsTheCatalogFilteredByOrg() {
        String org = "Org" + UUID.randomUUID().toString().substring(0, 8);
        String key = createRun(org, "CS101", "Programming basics");
        createRun("Other" + org, "BIO1", "Biology");

        given().auth().oauth2(TestTokens.user("learner1").sign()).queryParam("org", org)
                .get("/api/authoring/v1/course-runs").then().statusCode(200)
                .body("items.courseKey", contains(key))
                .body("items[0].title", equalTo("Programming basics"))
                .body("items[0].pacing", equalTo("self"));
        given().auth().oauth2(TestTokens.user("learner1").sign())
                .get("/api/authoring/v1/course-runs").then().statusCode(200)
                .body("items.courseKey", hasItem(key));
    }

    @Test
    void malformedOrgFilterIsBadRequestProblemNamingTheField() {
        given().auth().oauth2(TestTokens.user("learner1").sign()).queryParam("org", "bad org!")
                .get("/api/authoring/v1/course-runs").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
