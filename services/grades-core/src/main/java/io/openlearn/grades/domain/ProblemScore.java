package io.openlearn.grades.domain;

/** A learner's latest raw score on one problem, as submission scored it. */
public record ProblemScore(double rawEarned, double rawPossible) {

    /** A reset (0 of 0) leaves no score: the problem counts as unattempted, as Open edX does after a state reset. */
    public boolean isReset() {
        return rawPossible <= 0 && rawEarned <= 0;
    }
}
