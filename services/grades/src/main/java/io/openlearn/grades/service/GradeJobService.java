package io.openlearn.grades.service;

import io.openlearn.events.EventType;
import io.openlearn.events.Events;
import io.openlearn.events.GradeJobRequested;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.GradeJob;
import io.openlearn.grades.repository.JobRepository;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.problem.ProblemException;
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

    public GradeJobService(Transactions db, JobRepository jobs, OutboxWriter outbox) {
        this.db = db;
        this.jobs = jobs;
        this.outbox = outbox;
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
     * {@code includeUnenrolled}.
     */
    public GradeJob report(String courseKey, GradeJob.Kind kind, String requestedBy, boolean includeUnenrolled) {
        UUID id = UUID.randomUUID();
        return request(GradeJob.queued(id, courseKey, kind, Cause.of("report", id.toString()), null, requestedBy,
                Instant.now()).includingUnenrolled(includeUnenrolled), Events.GRADE_REPORT_REQUESTED);
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
