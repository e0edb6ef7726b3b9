package io.openlearn.grades.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * A BATCH job: a regrade, a rescore of one problem, or a report, over a course's learners in slices.
 *
 * @param slicesTotal null until the roster has been split into slices
 * @param byAdmin requested by an admin: it may change the grades of a frozen course
 * @param includeUnenrolled a report that lists learners who left the course too
 * @param cohort a report of this cohort's members only (null: every cohort)
 * @param track a report of the learners in this enrollment mode only (null: every track)
 */
public record GradeJob(UUID id, String courseKey, Kind kind, State state, String causeKind, String causeRef,
        String itemKey, String requestedBy, Integer slicesTotal, int slicesDone, int learnersDone, String resultKey,
        String error, Instant createdAt, Instant startedAt, Instant finishedAt, boolean byAdmin,
        boolean includeUnenrolled, UUID cohort, String track) {

    /** Which learners a report lists. */
    public record Scope(boolean includeUnenrolled, UUID cohort, String track) {

        public static final Scope ENROLLED = new Scope(false, null, null);
    }

    public enum Kind {
        regrade, rescore, resync, course_grade_report, problem_grade_report
    }

    public enum State {
        queued, running, done, failed
    }

    public static GradeJob queued(UUID id, String courseKey, Kind kind, Cause cause, String itemKey,
            String requestedBy, Instant at) {
        return new GradeJob(id, courseKey, kind, State.queued, cause.kind(), cause.ref(), itemKey, requestedBy, null,
                0, 0, null, null, at, null, null, cause.byAdmin(), false, null, null);
    }

    public GradeJob scopedTo(Scope scope) {
        return new GradeJob(id, courseKey, kind, state, causeKind, causeRef, itemKey, requestedBy, slicesTotal,
                slicesDone, learnersDone, resultKey, error, createdAt, startedAt, finishedAt, byAdmin,
                scope.includeUnenrolled(), scope.cohort(), scope.track());
    }

    public boolean finished() {
        return state == State.done || state == State.failed;
    }
}
