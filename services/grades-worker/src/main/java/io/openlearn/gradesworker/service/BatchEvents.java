package io.openlearn.gradesworker.service;

import io.openlearn.events.ContentCoursePublished;
import io.openlearn.events.CourseGradingPolicyChanged;
import io.openlearn.events.CourseRunChanged;
import io.openlearn.events.GradeJobRequested;
import io.openlearn.grades.client.CourseRun;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.CourseState;
import io.openlearn.grades.repository.CourseStateRepository;
import io.openlearn.grades.repository.GradeJob;
import io.openlearn.grades.repository.JobRepository;
import io.openlearn.grades.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * BATCH's events: instructor-driven changes to a whole course. A policy change or a grading-relevant publish moves
 * the course state forward and starts a regrade job, whose id derives from the event's so a redelivery finds the
 * same job; a run change moves the course end; requested jobs (regrade, rescore, resync, report) arrive with their
 * id. The jobs themselves run in {@link GradeJobRunner}.
 */
@ApplicationScoped
public class BatchEvents {

    private final Transactions transactions;
    private final JobRepository jobs;
    private final CourseStateRepository stateRepository;
    private final CourseStates states;
    private final GradeJobRunner runner;

    public BatchEvents(Transactions transactions, JobRepository jobs, CourseStateRepository stateRepository,
            CourseStates states, GradeJobRunner runner) {
        this.transactions = transactions;
        this.jobs = jobs;
        this.stateRepository = stateRepository;
        this.states = states;
        this.runner = runner;
    }

    /**
     * @param eventId the CloudEvents id: a policy change's or publish's job derives its id from it
     * @param event the record of an instructor-driven event (platform-events)
     */
    public Optional<GradeJob> handle(UUID eventId, Object event) {
        if (event instanceof CourseGradingPolicyChanged policy) {
            return advanceAndRegrade(eventId, policy.courseKey(),
                    Cause.of("policy", String.valueOf(policy.policyVersion())), policy.policyVersion(), 0);
        }
        if (event instanceof ContentCoursePublished published) {
            return published.gradingChanged()
                    ? advanceAndRegrade(eventId, published.courseKey(),
                            Cause.of("publish", String.valueOf(published.version())), 0, published.version())
                    : advanceOnly(published.courseKey(), published.version());
        }
        if (event instanceof CourseRunChanged run) {
            return runChanged(CourseRun.of(run));
        }
        if (event instanceof GradeJobRequested job) {
            return runner.run(job.jobId());
        }
        throw new IllegalArgumentException("BATCH does not handle " + event.getClass().getSimpleName());
    }

    /** The job of an event: its id derives from the event id, so a redelivered event finds the same job. */
    static UUID jobOf(UUID eventId) {
        return UUID.nameUUIDFromBytes(("grade-job:" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<GradeJob> advanceAndRegrade(UUID eventId, String courseKey, Cause cause, long policyVersion,
            long contentVersion) {
        UUID jobId = jobOf(eventId);
        states.current(courseKey); // a course not seen yet: its latest state asked and stored before the transaction
        boolean gradable = transactions.inNew(db -> {
            if (advance(db, courseKey, policyVersion, contentVersion).isEmpty()) {
                return false;
            }
            jobs.create(db, GradeJob.queued(jobId, courseKey, GradeJob.Kind.regrade, cause, null, null,
                    Instant.now()));
            return true;
        });
        return gradable ? runner.run(jobId) : Optional.empty();
    }

    /**
     * A new course end moves the freeze; nothing is regraded (the freeze only decides whether later changes apply).
     * A course the worker has not seen yet is left alone: its first event reads the run as it is then.
     */
    private Optional<GradeJob> runChanged(CourseRun run) {
        transactions.inNew(db -> {
            Optional<CourseState> known = stateRepository.find(db, run.courseKey());
            if (known.isPresent()) {
                stateRepository.advance(db, known.get().withRun(run.end(), run.version()));
            }
            return null;
        });
        return Optional.empty();
    }

    private Optional<GradeJob> advanceOnly(String courseKey, long contentVersion) {
        states.current(courseKey);
        transactions.inNew(db -> advance(db, courseKey, 0, contentVersion));
        return Optional.empty();
    }

    private Optional<CourseState> advance(Connection db, String courseKey, long policyVersion,
            long contentVersion) throws SQLException {
        Optional<CourseState> known = stateRepository.find(db, courseKey);
        if (known.isEmpty()) {
            return known;
        }
        CourseState state = known.get();
        return Optional.of(stateRepository.advance(db, new CourseState(courseKey,
                Math.max(policyVersion, state.policyVersion()), Math.max(contentVersion, state.contentVersion()),
                state.courseEnd(), state.runVersion())));
    }
}
