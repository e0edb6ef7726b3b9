package io.openlearn.gradesworker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.events.EnrollmentChanged;
import io.openlearn.events.Events;
import io.openlearn.events.GradeJobRequested;
import io.openlearn.grades.client.ReportStore;
import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.testing.EventPublisher;
import io.openlearn.grades.testing.GradesDb;
import io.openlearn.grades.testing.Upstreams;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GradeReportsTest {

    @Inject
    Upstreams upstreams;
    @Inject
    GradesDb db;
    @Inject
    ReportStore store;

    @Test
    void courseAndProblemGradeReportsAreWrittenToS3AsCsvOneLinePerLearner() throws Exception {
        String course = "course-v1:Report+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(course, Upstreams.homework("p1", "p2"));
        upstreams.policy(course, List.of(new AssignmentType("Homework", 1, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        UUID first = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID second = UUID.fromString("00000000-0000-0000-0000-000000000002");
        upstreams.enroll(course, List.of(second));
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, first, "p1", 1, 1, 1));
            events.publish(EventPublisher.event(Events.ENROLLMENT_CHANGED, new EnrollmentChanged(second, course,
                    EnrollmentChanged.Change.enrolled, "audit", null, true)));
            db.await(2L, 10_000, "SELECT count(*) FROM course_grade WHERE course_key = ?", course);
            assertEquals("user_id,grade,letter_grade,passed,Homework 1\n"
                    + first + ",0.5,Pass,true,0.5\n"
                    + second + ",0,,false,0\n", report(events, course, "course_grade_report"));
            assertEquals("user_id,p1 (Earned),p1 (Possible),p2 (Earned),p2 (Possible)\n"
                    + first + ",1,1,0,1\n"
                    + second + ",0,1,0,1\n", report(events, course, "problem_grade_report"));

            // the second learner leaves: out of reports unless a report asks for learners who left
            upstreams.rosters.get(course).remove(second);
            events.publish(EventPublisher.event(Events.ENROLLMENT_CHANGED, new EnrollmentChanged(second, course,
                    EnrollmentChanged.Change.unenrolled, "audit", "audit", false)));
            db.await(1L, 10_000, "SELECT count(*) FROM course_departure WHERE course_key = ? AND user_id = ?", course,
                    second);
            assertEquals("user_id,grade,letter_grade,passed,Homework 1\n"
                    + first + ",0.5,Pass,true,0.5\n", report(events, course, "course_grade_report"));
            assertEquals("user_id,grade,letter_grade,passed,Homework 1\n"
                    + first + ",0.5,Pass,true,0.5\n"
                    + second + ",0,,false,0\n", report(events, course, "course_grade_report", true));
            assertEquals("user_id,p1 (Earned),p1 (Possible),p2 (Earned),p2 (Possible)\n"
                    + first + ",1,1,0,1\n", report(events, course, "problem_grade_report"));
        }
    }

    @Test
    void aReportOfOneCohortOrOneTrackListsOnlyItsLearners() throws Exception {
        String course = "course-v1:Report+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(course, Upstreams.homework("p1"));
        upstreams.policy(course, List.of(new AssignmentType("Homework", 1, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        UUID inA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID verified = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        upstreams.enroll(course, List.of(inA, verified));
        upstreams.inGroups(course, verified, 50, 2);
        UUID cohortA = UUID.randomUUID();
        upstreams.inCohort(course, cohortA, List.of(inA));
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, inA, "p1", 1, 1, 1));
            events.publish(EventPublisher.scored(course, verified, "p1", 0, 1, 1));
            db.await(2L, 10_000, "SELECT count(*) FROM course_grade WHERE course_key = ?", course);
            assertEquals("user_id,grade,letter_grade,passed,Homework 1\n" + inA + ",1,Pass,true,1\n",
                    report(events, course, "course_grade_report", false, cohortA, null));
            assertEquals("user_id,p1 (Earned),p1 (Possible)\n" + verified + ",0,1\n",
                    report(events, course, "problem_grade_report", false, null, "verified"));
        }
    }

    private String report(EventPublisher events, String course, String kind) throws Exception {
        return report(events, course, kind, false);
    }

    private String report(EventPublisher events, String course, String kind, boolean includeUnenrolled)
            throws Exception {
        return report(events, course, kind, includeUnenrolled, null, null);
    }

    private String report(EventPublisher events, String course, String kind, boolean includeUnenrolled,
            UUID cohort, String track) throws Exception {
        UUID job = UUID.randomUUID();
        db.execute(
                "INSERT INTO grade_job (id, course_key, kind, state, cause_kind, cause_ref, requested_by, created_at,"
                        + " include_unenrolled, cohort_id, track) VALUES (?, ?, ?, 'queued', 'report', ?, 'staff',"
                        + " now(), ?, ?, ?)",
                job, course, kind, job.toString(), includeUnenrolled, cohort, track);
        events.publish(EventPublisher.event(Events.GRADE_REPORT_REQUESTED, new GradeJobRequested(course, job,
                GradeJobRequested.Kind.valueOf(kind))));
        db.await("done", 20_000, "SELECT state FROM grade_job WHERE id = ?", job);
        String key = (String) db.rows("SELECT result_key FROM grade_job WHERE id = ?", job).get(0)[0];
        assertTrue(key.startsWith("reports/" + course + "/" + kind), key);
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(store.downloadUrl(key, "report.csv").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, download.statusCode());
        return download.body();
    }
}
