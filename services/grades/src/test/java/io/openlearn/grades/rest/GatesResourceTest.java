package io.openlearn.grades.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.ChapterDefinition;
import io.openlearn.grades.domain.GateRule;
import io.openlearn.grades.domain.Gates;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.GateRepository;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.StoredSubsectionGrade;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.grades.testing.Upstreams;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What gates lock for a learner, in their outline and in the locks submission asks for. */
@QuarkusTest
class GatesResourceTest {

    @Inject
    Upstreams upstreams;
    @Inject
    Transactions transactions;
    @Inject
    GateRepository gates;
    @Inject
    GradeRepository grades;

    private record Course(String key, String exam, String test, String week, String hw1, String hw2) {
    }

    /** The exam chapter (test, 60 % to pass) and week 1 with hw1 and hw2, which opens at 70 % in hw1. */
    private Course course() {
        String key = "course-v1:Gates+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        String prefix = "block-v1:" + key.substring("course-v1:".length());
        Course c = new Course(key, prefix + "+type@chapter+block@exam", prefix + "+type@sequential+block@test",
                prefix + "+type@chapter+block@week", prefix + "+type@sequential+block@hw1",
                prefix + "+type@sequential+block@hw2");
        upstreams.publish(key, List.of(new ChapterDefinition(c.exam, "Entrance exam", null, false),
                new ChapterDefinition(c.week, "Week 1", null, false)),
                List.of(
                        new SubsectionDefinition(c.test, "Test", false, null, null,
                                List.of(new ProblemDefinition("t1", 1, null)), c.exam, null, false, false),
                        new SubsectionDefinition(c.hw1, "Homework 1", true, "Homework", null,
                                List.of(new ProblemDefinition("p1", 1, null)), c.week, null, false, false),
                        new SubsectionDefinition(c.hw2, "Homework 2", true, "Homework", null,
                                List.of(new ProblemDefinition("p2", 1, null)), c.week, null, false, false)),
                new Gates(Map.of(c.hw2, new Gates.Prerequisite(c.hw1, 70, 0)), new Gates.EntranceExam(c.exam, 60)));
        upstreams.policy(key, List.of(new AssignmentType("Homework", 2, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        upstreams.starts.put(key, Instant.now().minus(Duration.ofDays(7)));
        return c;
    }

    /** As grades-worker does: the grade that fulfils a gate and the gate, in one transaction. */
    private void fulfil(Course c, UUID learner, String gate, GateRule.Kind kind, String requires) {
        Instant now = Instant.now();
        transactions.inNew(db -> {
            grades.writeSubsectionGrades(db, c.key(), List.of(new StoredSubsectionGrade(learner,
                    new SubsectionGrade(kind == GateRule.Kind.ENTRANCE_EXAM ? c.test() : requires, 1, 1, 1, 1, 1,
                            false),
                    1, "score", null, now)));
            gates.insert(db, c.key(), List.of(new GateRepository.StoredGate(learner, gate, kind, requires, 100, 100,
                    1, Cause.of("score", null), now)));
            return null;
        });
    }

    private static String locks(Course c, UUID learner) {
        return "/api/grades/v1/courses/" + c.key() + "/learners/" + learner + "/locks";
    }

    @Test
    void theEntranceExamLocksEverythingElseThenThePrerequisiteLocksItsSubsectionUntilFulfilled() {
        Course c = course();
        TestTokens learner = TestTokens.user("learner-" + UUID.randomUUID());
        UUID id = UUID.fromString(learner.subject());
        upstreams.enroll(c.key(), List.of(id));
        String outline = "/api/grades/v1/me/courses/{c}/outline";

        given().auth().oauth2(learner.sign()).get(outline, c.key()).then().statusCode(200)
                .body("chapters[0].sequences[0].open", equalTo(true))
                .body("chapters[0].sequences[0].locked", nullValue())
                .body("chapters[1].sequences.open", contains(false, false))
                .body("chapters[1].sequences[0].locked.kind", equalTo("entrance-exam"))
                .body("chapters[1].sequences[0].locked.requires", equalTo(c.exam()))
                .body("chapters[1].sequences[0].locked.requiresName", equalTo("Entrance exam"))
                .body("chapters[1].sequences[0].locked.minScore", equalTo(60.0f));
        given().auth().oauth2(learner.sign()).get(locks(c, id)).then().statusCode(200)
                .body("locked.subsectionKey", contains(c.hw1(), c.hw2()))
                .body("locked.kind", contains("entrance-exam", "entrance-exam"));

        fulfil(c, id, c.exam(), GateRule.Kind.ENTRANCE_EXAM, c.exam());
        given().auth().oauth2(learner.sign()).get(outline, c.key()).then().statusCode(200)
                .body("chapters[1].sequences.open", contains(true, false))
                .body("chapters[1].sequences[1].locked.kind", equalTo("prerequisite"))
                .body("chapters[1].sequences[1].locked.requires", equalTo(c.hw1()))
                .body("chapters[1].sequences[1].locked.requiresName", equalTo("Homework 1"))
                .body("chapters[1].sequences[1].locked.minScore", equalTo(70.0f));
        given().auth().oauth2(TestTokens.user("submission").group("service").sign()).get(locks(c, id)).then()
                .statusCode(200).body("locked.subsectionKey", contains(c.hw2()))
                .body("locked[0].minScore", equalTo(70.0f));

        fulfil(c, id, c.hw2(), GateRule.Kind.PREREQUISITE, c.hw1());
        given().auth().oauth2(learner.sign()).get(locks(c, id)).then().statusCode(200).body("locked", empty());
    }

    @Test
    void theTeamsPreviewIgnoresGatesAndOthersMayNotReadALearnersLocks() {
        Course c = course();
        String staff = TestTokens.user("staff-" + UUID.randomUUID()).role("course_staff", c.key()).sign();
        given().auth().oauth2(staff).queryParam("previewAs", "learner")
                .get("/api/grades/v1/me/courses/{c}/outline", c.key()).then().statusCode(200)
                .body("chapters[1].sequences.open", contains(true, true));
        UUID someone = UUID.randomUUID();
        upstreams.enroll(c.key(), List.of(someone));
        given().auth().oauth2(TestTokens.user("learner-" + UUID.randomUUID()).sign()).get(locks(c, someone)).then()
                .statusCode(403).contentType("application/problem+json");
    }
}
