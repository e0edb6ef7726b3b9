package io.openlearn.grades.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.StoredSubsectionGrade;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.grades.testing.Upstreams;
import io.openlearn.gradingpolicy.PolicyTable;
import io.openlearn.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The grading-policy module's table of valid and invalid policies against what-if: the rows course-authoring's policy
 * PUT runs too, so what-if previews exactly the policies authoring would save and refuses the others naming the same
 * field. A proposal has no grace period: its rows are left out and the field is taken out of the other bodies.
 */
@QuarkusTest
class WhatIfPolicyTableTest {

    private static final String HW1 = "block-v1:O+N+R+type@sequential+block@hw1";
    private static final String EXAM = "block-v1:O+N+R+type@sequential+block@exam";

    @Inject
    Upstreams upstreams;
    @Inject
    Transactions transactions;
    @Inject
    GradeRepository grades;

    @Test
    void everyValidPolicyIsPreviewedAndEveryInvalidOneRefusedNamingItsField() {
        String course = "course-v1:WhatIfTable+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(course, List.of(
                new SubsectionDefinition(HW1, "Homework 1", true, "Homework", null,
                        List.of(new ProblemDefinition("p1", 1, null), new ProblemDefinition("p2", 1, null))),
                new SubsectionDefinition(EXAM, "Final", true, "Final Exam", null,
                        List.of(new ProblemDefinition("p3", 1, null)))));
        upstreams.policy(course, List.of(new AssignmentType("Homework", 2, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        // one learner with grades, so that each proposal goes through the engine
        UUID learner = UUID.randomUUID();
        Instant now = Instant.now();
        transactions.inNew(c -> {
            grades.writeSubsectionGrades(c, course, List.of(
                    new StoredSubsectionGrade(learner, new SubsectionGrade(HW1, 1, 2, 1, 2, 0.5, false), 1, "score",
                            null, now),
                    new StoredSubsectionGrade(learner, new SubsectionGrade(EXAM, 1, 1, 1, 1, 1.0, false), 1,
                            "score", null, now)));
            return null;
        });
        String staff = TestTokens.user("staff-" + UUID.randomUUID()).role("course_staff", course).sign();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (PolicyTable.Row row : PolicyTable.rows()) {
            if ("gracePeriodSeconds".equals(row.field())) {
                continue;
            }
            sent++;
            try {
                Response answer = given().auth().oauth2(staff).contentType(ContentType.JSON)
                        .body(row.json("gracePeriodSeconds")).post("/api/grades/v1/courses/{c}/what-if", course);
                String mismatch = row.mismatch(answer.statusCode(), answer.contentType(), answer.path("type"),
                        answer.path("errors.field"));
                if (mismatch == null && row.valid() && !Integer.valueOf(1).equals(answer.path("learners"))) {
                    mismatch = "expected the one graded learner in the preview";
                }
                if (mismatch != null) {
                    failures.add(row + ": " + mismatch + " " + answer.asString());
                }
            } catch (AssertionError e) {
                failures.add(row + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(sent > 40, "rows sent: " + sent);
    }
}
