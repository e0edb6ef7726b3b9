package io.openlearn.grades.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.ChapterDefinition;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.StoredSubsectionGrade;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.grades.testing.Upstreams;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The learner's outline: what each kind of caller sees of a course with a future chapter, staff-only parts, an exam. */
@QuarkusTest
class OutlineResourceTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));
    private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));

    @Inject
    Upstreams upstreams;
    @Inject
    Transactions transactions;
    @Inject
    GradeRepository grades;

    /** The keys of one course: week 1 (released) and week 2 (tomorrow). */
    private record Course(String key, String week1, String week2, String hw1, String exam, String secret,
            String hw2) {
        static Course create(Upstreams upstreams, boolean publicOutline) {
            String key = "course-v1:Outline+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
            String prefix = "block-v1:" + key.substring("course-v1:".length());
            Course c = new Course(key, prefix + "+type@chapter+block@week1", prefix + "+type@chapter+block@week2",
                    prefix + "+type@sequential+block@hw1", prefix + "+type@sequential+block@exam",
                    prefix + "+type@sequential+block@secret", prefix + "+type@sequential+block@hw2");
            // hw1: p1 (1) and a staff-only p2 (5); the exam hides its content after yesterday's due date
            upstreams.publish(key, List.of(new ChapterDefinition(c.week1, "Week 1", null, false),
                    new ChapterDefinition(c.week2, "Week 2", TOMORROW, false)),
                    List.of(
                            new SubsectionDefinition(c.hw1, "Homework 1", true, "Homework", null,
                                    List.of(new ProblemDefinition("p1", 1, null),
                                            new ProblemDefinition("p2", 5, null, true)),
                                    c.week1, null, false, false),
                            new SubsectionDefinition(c.exam, "Exam", true, "Exam", YESTERDAY,
                                    List.of(new ProblemDefinition("e1", 2, null)), c.week1, null, false, true),
                            new SubsectionDefinition(c.secret, "Staff notes", false, null, null, List.of(), c.week1,
                                    null,
                                    true, false),
                            new SubsectionDefinition(c.hw2, "Homework 2", true, "Homework", null,
                                    List.of(new ProblemDefinition("p3", 1, null)), c.week2, TOMORROW, false, false)));
            upstreams.policy(key, List.of(new AssignmentType("Homework", 2, 0, 0.5, "HW"),
                    new AssignmentType("Exam", 1, 0, 0.5, "EX")), Map.of("Pass", 0.5));
            upstreams.starts.put(key, NOW.minus(Duration.ofDays(7)));
            if (publicOutline) {
                upstreams.publicOutline.add(key);
            }
            return c;
        }

        ValidatableResponse outline(String token, String previewAs) {
            var request = given().auth().oauth2(token);
            if (previewAs != null) {
                request = request.queryParam("previewAs", previewAs);
            }
            return request.get("/api/grades/v1/me/courses/{c}/outline", key).then().log().ifValidationFails();
        }
    }

    private TestTokens enrolled(Course c) {
        TestTokens learner = TestTokens.user("learner-" + UUID.randomUUID());
        upstreams.enroll(c.key(), List.of(UUID.fromString(learner.subject())));
        return learner;
    }

    @Test
    void anEnrolledLearnerSeesReleasedPartsWithoutStaffOnlyOnesAndTheExamClosedAfterItsDueDate() {
        Course c = Course.create(upstreams, false);
        c.outline(enrolled(c).sign(), null).statusCode(200).body("view", equalTo("learner"))
                .body("enrolled", equalTo(true)).body("title", equalTo("Course " + c.key()))
                .body("chapters.key", contains(c.week1()))
                .body("chapters[0].sequences.key", contains(c.hw1(), c.exam()))
                .body("chapters[0].sequences[0].open", equalTo(true))
                // the staff-only problem's 5 points are not the learner's to earn: 0 of 1
                .body("chapters[0].sequences[0].score.possible", equalTo(1.0f))
                .body("chapters[0].sequences[0].completion.problems", equalTo(1))
                .body("chapters[0].sequences[1].released", equalTo(true))
                .body("chapters[0].sequences[1].open", equalTo(false))
                .body("chapters[0].sequences[1].due", equalTo(YESTERDAY.toString()));
    }

    @Test
    void aGradeWrittenAfterAReadShowsInTheNextRead() {
        Course c = Course.create(upstreams, false);
        TestTokens learner = enrolled(c);
        c.outline(learner.sign(), null).statusCode(200).body("chapters[0].sequences[0].score.earned", equalTo(0.0f));
        UUID id = UUID.fromString(learner.subject());
        transactions.inNew(db -> {
            grades.writeSubsectionGrades(db, c.key(), List.of(new StoredSubsectionGrade(id,
                    new SubsectionGrade(c.hw1(), 1, 1, 1, 1, 1.0, false), 1, "score", null, Instant.now())));
            return null;
        });
        c.outline(learner.sign(), null).statusCode(200).body("chapters[0].sequences[0].score.earned", equalTo(1.0f))
                .body("chapters[0].sequences[0].score.percent", equalTo(1.0f));
    }

    @Test
    void theOutlineIsSentGzippedToCallersThatAcceptIt() {
        Course c = Course.create(upstreams, false);
        String token = enrolled(c).sign();
        given().auth().oauth2(token).header("Accept-Encoding", "gzip")
                .get("/api/grades/v1/me/courses/{c}/outline", c.key()).then().statusCode(200)
                .header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding")
                .body("chapters[0].key", equalTo(c.week1()));
    }

    @Test
    void anExtensionMovesTheLearnersDueDateAndReopensAHiddenExam() {
        Course c = Course.create(upstreams, false);
        TestTokens learner = enrolled(c);
        Instant extended = NOW.plus(Duration.ofDays(3));
        upstreams.extensions.put(c.key() + "|" + learner.subject(), Map.of(c.exam(), extended));
        c.outline(learner.sign(), null).statusCode(200)
                .body("chapters[0].sequences[1].due", equalTo(extended.toString()))
                .body("chapters[0].sequences[1].dueExtended", equalTo(true))
                .body("chapters[0].sequences[1].open", equalTo(true));
    }

    @Test
    void aLearnerWhoIsNotEnrolledIsRefusedUnlessTheCourseShowsItsOutline() {
        Course closed = Course.create(upstreams, false);
        String stranger = TestTokens.user("stranger-" + UUID.randomUUID()).sign();
        closed.outline(stranger, null).statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("You are not enrolled in this course."));

        Course open = Course.create(upstreams, true);
        open.outline(stranger, null).statusCode(200).body("view", equalTo("catalog"))
                .body("enrolled", equalTo(false))
                .body("chapters.key", contains(open.week1(), open.week2()))
                .body("chapters[1].released", equalTo(false))
                .body("chapters[1].sequences[0].start", equalTo(TOMORROW.toString()))
                .body("chapters[0].sequences.key", contains(open.hw1(), open.exam()))
                .body("chapters[0].sequences[0].open", equalTo(false))
                .body("chapters[0].sequences[0].score", nullValue());
    }

    @Test
    void aCourseThatShowsItsOutlineListsUnreleasedPartsToItsLearnersWithoutScores() {
        Course c = Course.create(upstreams, true);
        c.outline(enrolled(c).sign(), null).statusCode(200).body("view", equalTo("learner"))
                .body("chapters.key", contains(c.week1(), c.week2()))
                .body("chapters[1].sequences[0].released", equalTo(false))
                .body("chapters[1].sequences[0].open", equalTo(false))
                .body("chapters[1].sequences[0].score", nullValue());
    }

    @Test
    void aBetaTesterSeesTomorrowsChapterWithinTheirHeadStart() {
        Course c = Course.create(upstreams, false);
        upstreams.daysEarlyForBeta.put(c.key(), 2);
        TestTokens beta = TestTokens.user("beta-" + UUID.randomUUID()).role("course_beta_tester", c.key());
        upstreams.enroll(c.key(), List.of(UUID.fromString(beta.subject())));
        c.outline(beta.sign(), null).statusCode(200).body("betaTester", equalTo(true))
                .body("chapters.key", contains(c.week1(), c.week2()))
                .body("chapters[1].sequences[0].open", equalTo(true));
    }

    @Test
    void theTeamSeesEverythingAndPreviewsTheLearnersView() {
        Course c = Course.create(upstreams, false);
        String staff = TestTokens.user("staff-" + UUID.randomUUID()).role("course_staff", c.key()).sign();
        c.outline(staff, null).statusCode(200).body("view", equalTo("staff"))
                .body("chapters.key", contains(c.week1(), c.week2()))
                .body("chapters[0].sequences.key", contains(c.hw1(), c.exam(), c.secret()))
                .body("chapters[0].sequences[0].score.possible", equalTo(6.0f));
        c.outline(staff, "learner").statusCode(200).body("view", equalTo("learner"))
                .body("chapters.key", contains(c.week1()))
                .body("chapters[0].sequences.key", contains(c.hw1(), c.exam()));
        c.outline(enrolled(c).sign(), "learner").statusCode(403).contentType("application/problem+json");
        c.outline(staff, "staff").statusCode(400).contentType("application/problem+json");
    }
}
