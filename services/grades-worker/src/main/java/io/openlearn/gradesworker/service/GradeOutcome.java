package io.openlearn.gradesworker.service;

/** What one recompute of some learners wrote. */
public record GradeOutcome(int learners, int subsectionsWritten, int courseGradesWritten, int events,
        Skipped skipped) {

    public enum Skipped {
        NONE, NOT_PUBLISHED, FROZEN
    }

    static GradeOutcome skipped(int learners, Skipped why) {
        return new GradeOutcome(learners, 0, 0, 0, why);
    }
}
