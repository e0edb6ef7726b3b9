package io.openlearn.grades.service;

import io.openlearn.events.EventType;
import io.openlearn.events.Events;
import io.openlearn.events.GradeJobRequested;
import io.openlearn.grades.client.RosterClient;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.GradeJob;
import io.openlearn.grades.repository.JobRepository;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Staff requests that run on BATCH: a regrade of the course, a rescore of one problem, a report. The job row and its event
 * are stored in one transaction, so a job is never announced without existing or stored without being announced.
 */
@ApplicationScoped
public class GradeJobService {

    private final Transactions db;
    private final JobRepository jobs;
    private final OutboxWriter outbox;
    private final RosterClient roster;

    public GradeJobService(Transactions db, JobRepository jobs, OutboxWriter outbox, RosterClient roster) {
        this.db = db;
        this.jobs = jobs;
        this.outbox = outbox;
        this.roster = roster;
    }

    /**
     * A job the course team asks for: {@code regrade}, {@code rescore} (of {@code itemKey}), {@code resync},
     * {@code course_grade_report} or {@code problem_grade_report} (of the learners {@code scope} keeps). The team
     * only (403), before the request is read.
     */
    public GradeJob request(Caller caller, String courseKey, String kind, String itemKey, GradeJob.Scope scope) {
        requireTeam(caller, courseKey);
        GradebookQuery.requireTrack(scope.track());
        boolean report = "course_grade_report".equals(kind) || "problem_grade_report".equals(kind);
        if (!report && (scope.cohort() != null || scope.track() != null)) {
            throw ProblemException.invalid(scope.cohort() != null ? "cohort" : "track",
                    "only a report lists one cohort's or one track's learners");
        }
        if (scope.cohort() != null) {
            roster.requireCohort(courseKey, scope.cohort());
        }
        return switch (kind == null ? "" : kind) {
            case "regrade" -> regrade(courseKey, caller.name(), caller.isAdmin());
            case "rescore" -> rescore(courseKey, requireItem(courseKey, itemKey), caller.name());
            case "resync" -> resync(courseKey, caller.name(), caller.isAdmin());
            case "course_grade_report" -> report(courseKey, GradeJob.Kind.course_grade_report, caller.name(), scope);
            case "problem_grade_report" -> report(courseKey, GradeJob.Kind.problem_grade_report, caller.name(),
                    scope);
            default -> throw ProblemException.invalid("kind",
                    "one of regrade, rescore, resync, course_grade_report, problem_grade_report");
        };
    }

    /** The course team's view of one job (403 for anyone else, 404 for a job of another course). */
    public GradeJob find(Caller caller, String courseKey, UUID id) {
        requireTeam(caller, courseKey);
        return find(courseKey, id);
    }

    public List<GradeJob> ofCourse(Caller caller, String courseKey, int limit) {
        requireTeam(caller, courseKey);
        Paging.requireLimit(limit, 200);
        return ofCourse(courseKey, limit);
    }

    private static void requireTeam(Caller caller, String courseKey) {
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, courseKey),
                "Only the course's staff may do this.");
    }

    private static String requireItem(String courseKey, String itemKey) {
        String run = courseKey.substring("course-v1:".length());
        if (itemKey == null || !itemKey.startsWith("block-v1:" + run + "+type@problem+block@")
                || itemKey.length() > 512) {
            throw ProblemException.invalid("itemKey", "a problem usage key of this course, block-v1:"
                    + run + "+type@problem+block@<id>");
        }
        return itemKey;
    }

    /** @param admin an admin asked: the regrade may change the grades of a frozen course */
    public GradeJob regrade(String courseKey, String requestedBy, boolean admin) {
        UUID id = UUID.randomUUID();
        return request(GradeJob.queued(id, courseKey, GradeJob.Kind.regrade, new Cause("regrade", id.toString(), admin),
                null, requestedBy, Instant.now()), Events.GRADE_REGRADE_REQUESTED);
    }

    public GradeJob rescore(String courseKey, String itemKey, String requestedBy) {
        UUID id = UUID.randomUUID();
        return request(GradeJob.queued(id, courseKey, GradeJob.Kind.rescore, Cause.of("rescore", itemKey), itemKey,
                requestedBy, Instant.now()), Events.GRADE_RESCORE_REQUESTED);
    }

    /** Rebuilds the course's score projection from submission, then regrades every learner. */
    public GradeJob resync(String courseKey, String requestedBy, boolean admin) {
        UUID id = UUID.randomUUID();
        return request(GradeJob.queued(id, courseKey, GradeJob.Kind.resync, new Cause("resync", id.toString(), admin),
                null, requestedBy, Instant.now()), Events.GRADE_RESYNC_REQUESTED);
    }

    /**
     * A course grade or problem grade report, produced as CSV in S3 by BATCH; learners who left the course only when
     * {@code scope.includeUnenrolled()}, one cohort's or one track's when the scope names one.
     */
    public GradeJob report(String courseKey, GradeJob.Kind kind, String requestedBy, GradeJob.Scope scope) {
        UUID id = UUID.randomUUID();
        return request(GradeJob.queued(id, courseKey, kind, Cause.of("report", id.toString()), null, requestedBy,
                Instant.now()).scopedTo(scope), Events.GRADE_REPORT_REQUESTED);
    }

    public GradeJob find(String courseKey, UUID id) {
        return db.read(c -> jobs.find(c, id)).filter(job -> job.courseKey().equals(courseKey))
                .orElseThrow(() -> new ProblemException(404, "No job " + id + " in " + courseKey + "."));
    }

    public List<GradeJob> ofCourse(String courseKey, int limit) {
        return db.read(c -> jobs.ofCourse(c, courseKey, limit));
    }

    private GradeJob request(GradeJob job, EventType<GradeJobRequested> event) {
        db.inNew(c -> {
            jobs.create(c, job);
            outbox.append(event, job.courseKey(), new GradeJobRequested(job.courseKey(), job.id(),
                    GradeJobRequested.Kind.valueOf(job.kind().name())));
            return null;
        });
        return job;
    }
}
