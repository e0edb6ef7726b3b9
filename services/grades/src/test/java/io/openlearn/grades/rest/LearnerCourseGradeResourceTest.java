package io.openlearn.grades.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import io.openlearn.grades.repository.CourseGradeEntity;
import io.openlearn.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LearnerCourseGradeResourceTest {

    static void grade(TestTokens learner, String course, String percent, String letter, boolean passed) {
        QuarkusTransaction.requiringNew().run(() -> {
            CourseGradeEntity grade = new CourseGradeEntity();
            grade.key = new CourseGradeEntity.Key(UUID.fromString(learner.subject()), course);
            grade.percent = new BigDecimal(percent);
            grade.letterGrade = letter;
            grade.passed = passed;
            grade.updatedAt = Instant.now();
            grade.persist();
        });
    }

    @Test
    void learnerSeesOwnCourseGradesOnly() {
        TestTokens alice = TestTokens.user("alice-" + UUID.randomUUID());
        TestTokens bob = TestTokens.user("bob-" + UUID.randomUUID());
        grade(alice, "course-v1:OpenLearnX+CS101+2026_T1", "0.8200", "B", true);
        grade(alice, "course-v1:OpenLearnX+CS102+2026_T1", "0.3100", null, false);
        grade(bob, "course-v1:OpenLearnX+CS101+2026_T1", "0.9900", "A", true);

        given().auth().oauth2(alice.sign()).get("/api/grades/v1/me/course-grades").then().statusCode(200)
                .body("items.courseKey", contains("course-v1:OpenLearnX+CS101+2026_T1",
                        "course-v1:OpenLearnX+CS102+2026_T1"))
                .body("items.passed", contains(true, false))
                .body("items.percent", contains(0.82f, 0.31f));
    }
}
