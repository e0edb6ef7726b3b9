package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.MongoWriteException;
import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.repository.PublishedVersionRepository;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublishedVersionResourceTest {

    @Inject
    PublishedVersionRepository versions;

    static String freshCourse() {
        return "course-v1:OpenLearnX+C" + UUID.randomUUID().toString().substring(0, 8) + "+2026_T1";
    }

    @Test
    void listsPublishedVersionsNewestFirstFromMongo() {
        String course = freshCourse();
        versions.insert(new PublishedVersion(course, 1, Instant.parse("2026-01-01T00:00:00Z"), true));
        versions.insert(new PublishedVersion(course, 2, Instant.parse("2026-01-02T00:00:00Z"), false));

        given().auth().oauth2(TestTokens.user("learner1").sign())
                .get("/api/content/v1/courses/{key}/versions", course).then().statusCode(200)
                .body("courseKey", equalTo(course))
                .body("items.version", contains(2, 1))
                .body("items.gradingChanged", contains(false, true));
    }

    @Test
    void aVersionNumberIsPublishedOnlyOnce() {
        String course = freshCourse();
        versions.insert(new PublishedVersion(course, 1, Instant.now(), true));
        Assertions.assertThrows(MongoWriteException.class,
                () -> versions.insert(new PublishedVersion(course, 1, Instant.now(), false)));
    }

    @Test
    void malformedCourseKeyIsBadRequestProblem() {
        given().auth().oauth2(TestTokens.user("learner1").sign())
                .get("/api/content/v1/courses/{key}/versions", "not-a-course").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
