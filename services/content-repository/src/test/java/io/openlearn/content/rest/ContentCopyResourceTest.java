package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.repository.PublishedVersionRepository;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContentCopyResourceTest {

    @Inject
    PublishedVersionRepository versions;

    @Test
    void serviceCopiesPublishedVersionsIntoTheRerunOnceEvenIfAskedTwice() {
        String source = "course-v1:Copy" + UUID.randomUUID().toString().substring(0, 6) + "+CS1+R1";
        String target = source.replace("+R1", "+R2");
        versions.insert(new PublishedVersion(source, 1, Instant.now(), true));
        versions.insert(new PublishedVersion(source, 2, Instant.now(), false));
        String service = TestTokens.user("course-authoring").group("service").sign();
        given().auth().oauth2(service).contentType("application/json").body(Map.of("targetCourseKey", target))
                .post("/api/content/v1/courses/{key}/copies", source).then().statusCode(201)
                .body("copiedVersions", equalTo(2));
        given().auth().oauth2(service).contentType("application/json").body(Map.of("targetCourseKey", target))
                .post("/api/content/v1/courses/{key}/copies", source).then().statusCode(201)
                .body("copiedVersions", equalTo(0));
        given().auth().oauth2(service).get("/api/content/v1/courses/{key}/versions", target).then()
                .body("items.version", contains(2, 1));
    }

    @Test
    void learnersMayNotCopyAndBadKeysAreRefused() {
        given().auth().oauth2(TestTokens.user("learner1").sign()).contentType("application/json")
                .body(Map.of("targetCourseKey", "course-v1:A+B+C"))
                .post("/api/content/v1/courses/{key}/copies", "course-v1:A+B+D").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("admin").sign()).contentType("application/json")
                .body(Map.of("targetCourseKey", "nonsense"))
                .post("/api/content/v1/courses/{key}/copies", "course-v1:A+B+D").then().statusCode(400);
    }
}
