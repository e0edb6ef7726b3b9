package io.openlearn.gradesworker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.events.ContentCoursePublished;
import io.openlearn.events.CourseGradingPolicyChanged;
import io.openlearn.events.Events;
import io.openlearn.events.GradeJobRequested;
import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.testing.EventPublisher;
import io.openlearn.grades.testing.GradesDb;
import io.openlearn.grades.testing.Upstreams;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchJobsTest {

    @Inject
    Upstreams upstreams;
    @Inject
    GradesDb db;

    private static List<UUID> learners(int count) {
        List<UUID> learners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            learners.add(UUID.randomUUID());
        }
        return learners;
    }

    private String course(List<UUID> learners) {
        String key = "course-v1:Batch+" + UUID.randomUUID().toString().substring(0, 8) + "+2026";
        upstreams.publish(key, Upstreams.homework("p1", "p2"));
        upstreams.policy(key, List.of(new AssignmentType("Homework", 1, 0, 1.0, "HW")), Map.of("Pass", 0.5));
        upstreams.enroll(key, learners);
        return key;
    }

    @Test
    void policyChangeRegradesEveryEnrolledLearnerSliceBySliceWithProgress() throws Exception {
        List<UUID> learners = learners(20);
        String course = course(learners);
        try (EventPublisher events = new EventPublisher()) {
            // one learner has a score: 1 of 2 under policy 1 (Homework weight 1) -> 0.5
            events.publish(EventPublisher.scored(course, learners.get(0), "p1", 1, 1, 1));
            db.await(0.5, 10_000, "SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?",
                    course, learners.get(0));
            // policy 2 weighs Homework 0.5: 0.25, and every other learner gets a first grade of 0
            upstreams.policy(course, List.of(new AssignmentType("Homework", 1, 0, 0.5, "HW")), Map.of("Pass", 0.5));
            EventPublisher.Event change = EventPublisher.event(Events.COURSE_GRADING_POLICY_CHANGED,
                    new CourseGradingPolicyChanged(course, 2, "h2"));
            events.publish(change);
            db.await("done", 20_000, "SELECT state FROM grade_job WHERE course_key = ?", course);
            // slice size is 7 in tests: 20 learners -> 3 slices
            assertEquals(List.of(3, 3, 20, "policy", "2"), List.of(db.rows("SELECT slices_total, slices_done,"
                    + " learners_done, cause_kind, cause_ref FROM grade_job WHERE course_key = ?", course).get(0)));
            assertEquals(0.25, db.rows("SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?",
                    course, learners.get(0)).get(0)[0]);
            assertEquals(20L, db.rows("SELECT count(*) FROM course_grade WHERE course_key = ?", course).get(0)[0]);
            assertEquals(2L, db.rows("SELECT policy_version FROM course_state WHERE course_key = ?", course)
                    .get(0)[0] instanceof Integer i ? (long) i : -1L);

            // the same event again (a relay's resend) finds its job done and changes nothing
            long changes = (Long) db.rows("SELECT count(*) FROM grade_change WHERE course_key = ?", course).get(0)[0];
            events.publish(change);
            events.publish(EventPublisher.scored(course, learners.get(1), "p1", 1, 1, 1));
            db.await(0.25, 10_000, "SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?",
                    course, learners.get(1));
            assertEquals(1L, db.rows("SELECT count(*) FROM grade_job WHERE course_key = ?", course).get(0)[0]);
            assertEquals(changes + 2, db.rows("SELECT count(*) FROM grade_change WHERE course_key = ?", course)
                    .get(0)[0], "only learner 1's subsection and course grade changed since");
        }
    }

    @Test
    void publishWithoutGradingChangeMovesTheVersionWithoutARegrade() throws Exception {
        List<UUID> learners = learners(3);
        String course = course(learners);
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, learners.get(0), "p1", 1, 1, 1));
            db.await(0.5, 10_000, "SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?",
                    course, learners.get(0));
            upstreams.publish(course, Upstreams.homework("p1", "p2"));
            events.publish(EventPublisher.event(Events.CONTENT_COURSE_PUBLISHED, new ContentCoursePublished(course,
                    2, Instant.parse("2026-11-26T00:00:00Z"), false, "d2", 4)));
            db.await(2, 10_000, "SELECT content_version FROM course_state WHERE course_key = ?", course);
            assertTrue(db.rows("SELECT 1 FROM grade_job WHERE course_key = ?", course).isEmpty());
        }
    }

    @Test
    void gradingRelevantPublishRegradesAgainstTheNewStructure() throws Exception {
        List<UUID> learners = learners(3);
        String course = course(learners);
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.scored(course, learners.get(0), "p1", 1, 1, 1));
            db.await(0.5, 10_000, "SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?",
                    course, learners.get(0));
            // p2 removed: 1 of 1 -> 1.0
            upstreams.publish(course, Upstreams.homework("p1"));
            events.publish(EventPublisher.event(Events.CONTENT_COURSE_PUBLISHED, new ContentCoursePublished(course,
                    2, Instant.parse("2026-11-26T00:00:00Z"), true, "d2", 3)));
            db.await(1.0, 20_000, "SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?",
                    course, learners.get(0));
            assertEquals(List.of("publish", "2"), List.of(db.rows("SELECT cause_kind, cause_ref FROM course_grade"
                    + " WHERE course_key = ? AND user_id = ?", course, learners.get(0)).get(0)));
        }
    }

    @Test
    void rescoreJobAsksSubmissionSliceBySlice() throws Exception {
        List<UUID> learners = learners(10);
        String course = course(learners);
        UUID job = UUID.randomUUID();
        db.execute("INSERT INTO grade_job (id, course_key, kind, state, cause_kind, cause_ref, item_key, requested_by,"
                + " created_at) VALUES (?, ?, 'rescore', 'queued', 'rescore', 'p1', 'p1', 'staff', now())", job,
                course);
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.event(Events.GRADE_RESCORE_REQUESTED, new GradeJobRequested(course, job,
                    GradeJobRequested.Kind.rescore)));
            db.await("done", 20_000, "SELECT state FROM grade_job WHERE id = ?", job);
        }
        assertEquals(10, upstreams.rescores().stream().filter(r -> r.startsWith(course + "|p1|")).count());
        assertEquals(List.of(2, 2, 10), List.of(db.rows("SELECT slices_total, slices_done, learners_done FROM grade_job"
                + " WHERE id = ?", job).get(0)));
    }

    @Test
    void resyncRebuildsTheProjectionFromSubmissionAndRegradesKeepingNewerScores() throws Exception {
        List<UUID> learners = learners(9);
        String course = course(learners);
        try (EventPublisher events = new EventPublisher()) {
            // learner 0's newer score (sequence 3) reached the projection; submission's page still says sequence 2
            events.publish(EventPublisher.scored(course, learners.get(0), "p1", 1, 1, 3));
            db.await(0.5, 10_000, "SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?",
                    course, learners.get(0));
        }
        List<Map<String, Object>> scores = new java.util.ArrayList<>();
        for (UUID learner : learners) {
            for (String problem : List.of("p1", "p2")) {
                scores.add(Map.of("userId", learner.toString(), "itemKey", problem, "scoreId",
                        UUID.randomUUID().toString(), "kind", "auto", "rawEarned", problem.equals("p1") ? 0 : 1,
                        "rawPossible", 1, "sequence", 2, "scoredAt", "2026-11-26T00:00:00Z"));
            }
        }
        upstreams.latestScores.put(course, scores);
        UUID job = UUID.randomUUID();
        db.execute("INSERT INTO grade_job (id, course_key, kind, state, cause_kind, cause_ref, requested_by,"
                + " created_at) VALUES (?, ?, 'resync', 'queued', 'resync', ?, 'staff', now())", job, course,
                job.toString());
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.event(Events.GRADE_RESYNC_REQUESTED, new GradeJobRequested(course, job,
                    GradeJobRequested.Kind.resync)));
            db.await("done", 20_000, "SELECT state FROM grade_job WHERE id = ?", job);
        }
        assertEquals(18L, db.rows("SELECT count(*) FROM score_projection WHERE course_key = ?", course).get(0)[0]);
        // learner 0 keeps p1 at 1 (sequence 3) and gains p2 -> 1.0; the others 0 + 1 of 2 -> 0.5
        assertEquals(1.0, db.rows("SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?", course,
                learners.get(0)).get(0)[0]);
        assertEquals(0.5, db.rows("SELECT percent FROM course_grade WHERE course_key = ? AND user_id = ?", course,
                learners.get(5)).get(0)[0]);
        assertEquals("resync", db.rows("SELECT cause_kind FROM course_grade WHERE course_key = ? AND user_id = ?",
                course, learners.get(5)).get(0)[0]);
    }

    @Test
    void inAFrozenCourseOnlyAnAdminsRegradeChangesGrades() throws Exception {
        List<UUID> learners = learners(3);
        String course = course(learners);
        upstreams.end(course, java.time.Instant.now().minus(java.time.Duration.ofDays(40)));
        UUID staffJob = UUID.randomUUID();
        UUID adminJob = UUID.randomUUID();
        for (UUID job : List.of(staffJob, adminJob)) {
            db.execute("INSERT INTO grade_job (id, course_key, kind, state, cause_kind, cause_ref, requested_by,"
                    + " created_at, by_admin) VALUES (?, ?, 'regrade', 'queued', 'regrade', ?, 'someone', now(), ?)",
                    job, course, job.toString(), job.equals(adminJob));
        }
        try (EventPublisher events = new EventPublisher()) {
            events.publish(EventPublisher.event(Events.GRADE_REGRADE_REQUESTED, new GradeJobRequested(course,
                    staffJob, GradeJobRequested.Kind.regrade)));
            db.await("done", 20_000, "SELECT state FROM grade_job WHERE id = ?", staffJob);
            assertEquals(0L, db.rows("SELECT count(*) FROM course_grade WHERE course_key = ?", course).get(0)[0],
                    "frozen: a staff regrade writes nothing");
            events.publish(EventPublisher.event(Events.GRADE_REGRADE_REQUESTED, new GradeJobRequested(course,
                    adminJob, GradeJobRequested.Kind.regrade)));
            db.await("done", 20_000, "SELECT state FROM grade_job WHERE id = ?", adminJob);
        }
        assertEquals(3L, db.rows("SELECT count(*) FROM course_grade WHERE course_key = ?", course).get(0)[0]);
    }
}
