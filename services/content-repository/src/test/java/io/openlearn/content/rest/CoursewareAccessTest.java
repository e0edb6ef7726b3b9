package io.openlearn.content.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who reads published courseware, and what: a course with a chapter released tomorrow, a staff-only problem and an
 * exam that hides its content after its due date.
 */
@QuarkusTest
class CoursewareAccessTest {

    private static final String TREE = "/api/content/v1/courses/{c}/versions/latest/blocks";
    private static final String BLOCK = "/api/content/v1/courses/{c}/versions/latest/blocks/{k}";

    @Inject
    Upstreams upstreams;

    private static String tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Week 1 (released) > HW (graded) > unit > problem, staff-only problem; Exam (hide after due, past due); Week 2 tomorrow. */
    private static Authoring course() {
        Authoring a = new Authoring();
        String week1 = a.add("chapter", "week1", null, Map.of("displayName", "Week 1"));
        String hw = a.add("sequential", "hw", week1, Map.of("displayName", "HW", "graded", true, "format", "Homework"));
        String unit = a.add("vertical", "unit", hw, Map.of("displayName", "Unit"));
        a.add("problem", "p1", unit, Map.of("displayName", "Q1", "problem", Authoring.choiceProblem()));
        a.add("problem", "secret", unit, Map.of("displayName", "Staff only", "visibleToStaffOnly", true,
                "problem", Authoring.choiceProblem()));
        String exam = a.add("sequential", "exam", week1, Map.of("displayName", "Exam", "graded", true,
                "format", "Exam", "due", "2020-01-01T00:00:00Z", "hideAfterDue", true));
        a.add("vertical", "exam-unit", exam, Map.of("displayName", "Exam unit"));
        String week2 = a.add("chapter", "week2", null, Map.of("displayName", "Week 2", "start", tomorrow()));
        String later = a.add("sequential", "later", week2, Map.of("displayName", "Later"));
        a.add("vertical", "later-unit", later, Map.of("displayName", "Later unit"));
        a.publish().statusCode(201);
        return a;
    }

    @Test
    void aLearnerWhoIsNotEnrolledReadsNothing() {
        Authoring a = course();
        upstreams.run(a.course, Instant.now().minus(1, ChronoUnit.DAYS), 0);
        given().auth().oauth2(Authoring.learner()).get(TREE, a.course).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("not enrolled"));
        given().auth().oauth2(Authoring.learner()).get(BLOCK, a.course, a.key("problem", "p1")).then()
                .statusCode(403);
    }

    @Test
    void anEnrolledLearnerWaitsForTheStartAndABetaTesterDoesNot() {
        Authoring a = course();
        upstreams.run(a.course, Instant.now().plus(3, ChronoUnit.DAYS), 5);
        upstreams.enroll("learner1", a.course);
        upstreams.enroll("beta1", a.course);
        given().auth().oauth2(Authoring.learner()).get(TREE, a.course).then().statusCode(403)
                .body("detail", containsString("has not started"));
        String beta = TestTokens.user("beta1").role("course_beta_tester", a.course).sign();
        // five days early: the course (in three days) and Week 2 (tomorrow) are both open to the beta tester
        given().auth().oauth2(beta).get(TREE, a.course).then().statusCode(200)
                .body("blocks.key", hasItem(a.key("chapter", "week2")))
                .body("blocks.key", not(hasItem(a.key("problem", "secret"))));
    }

    @Test
    void anEnrolledLearnerSeesReleasedVisibleBlocksOnly() {
        Authoring a = course();
        upstreams.openTo(a.course, "learner1");
        given().auth().oauth2(Authoring.learner()).get(TREE, a.course).then().statusCode(200)
                .body("blocks.key", contains(a.root, a.key("chapter", "week1"), a.key("sequential", "hw"),
                        a.key("vertical", "unit"), a.key("problem", "p1"), a.key("sequential", "exam")))
                .body("blocks[0].children", contains(a.key("chapter", "week1")))
                .body("blocks.find { it.key == '" + a.key("vertical", "unit") + "' }.children",
                        contains(a.key("problem", "p1")))
                .body("blocks.find { it.key == '" + a.key("sequential", "exam") + "' }.children.size()",
                        equalTo(0));
        for (String hidden : new String[] {a.key("problem", "secret"), a.key("chapter", "week2"),
                a.key("vertical", "later-unit"), a.key("vertical", "exam-unit")}) {
            given().auth().oauth2(Authoring.learner()).get(BLOCK, a.course, hidden).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Authoring.learner()).get(BLOCK, a.course, a.key("problem", "p1")).then()
                .statusCode(200).body("problem", not(org.hamcrest.Matchers.hasKey("correctChoices")));
    }

    @Test
    void aLearnersExtensionKeepsTheExamOpenPastItsPublishedDueDate() {
        Authoring a = course();
        upstreams.openTo(a.course, "learner1");
        upstreams.extend("learner1", a.course, a.key("sequential", "exam"), Instant.now().plus(1, ChronoUnit.DAYS));
        given().auth().oauth2(Authoring.learner()).get(BLOCK, a.course, a.key("vertical", "exam-unit")).then()
                .statusCode(200);
    }

    @Test
    void theTeamSeesEverythingAndPreviewsTheLearnersView() {
        Authoring a = course();
        upstreams.openTo(a.course, "learner1");
        given().auth().oauth2(a.author).get(TREE, a.course).then().statusCode(200)
                .body("blocks.key", hasItem(a.key("problem", "secret")))
                .body("blocks.key", hasItem(a.key("vertical", "later-unit")))
                .body("blocks.find { it.key == '" + a.key("problem", "secret") + "' }.visibleToStaffOnly",
                        equalTo(true));
        String learnerView = given().auth().oauth2(Authoring.learner()).get(TREE, a.course).then().statusCode(200)
                .extract().path("blocks.key").toString();
        given().auth().oauth2(a.author).queryParam("previewAs", "learner").get(TREE, a.course).then()
                .statusCode(200).body("blocks.key.toString()", equalTo(learnerView));
        given().auth().oauth2(a.author).queryParam("previewAs", "learner")
                .get(BLOCK, a.course, a.key("problem", "secret")).then().statusCode(404);
        given().auth().oauth2(Authoring.learner()).queryParam("previewAs", "learner").get(TREE, a.course).then()
                .statusCode(403);
        given().auth().oauth2(a.author).queryParam("previewAs", "staff").get(TREE, a.course).then()
                .statusCode(400).body("errors[0].field", equalTo("previewAs"));
    }

    @Test
    void scheduleFieldsAreRefusedOnBlocksThatCannotCarryThem() {
        Authoring a = new Authoring();
        String week = a.add("chapter", "w", null, Map.of("displayName", "Week"));
        a.create(Map.of("type", "chapter", "hideAfterDue", true)).statusCode(400)
                .body("errors.field", contains("hideAfterDue"));
        String seq = a.add("sequential", "s", week, Map.of());
        String unit = a.add("vertical", "u", seq, Map.of("start", tomorrow(), "visibleToStaffOnly", true));
        a.create(Map.of("type", "html", "parent", unit, "html", "<p/>", "start", tomorrow())).statusCode(400)
                .body("errors.field", contains("start"));
    }
}
