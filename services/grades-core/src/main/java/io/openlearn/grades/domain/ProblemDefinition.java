package io.openlearn.grades.domain;

import io.openlearn.kit.courseware.GroupAccess;

/**
 * A problem as grading sees it in a published version: its maximum raw score, its optional weight, and whether it
 * is visible to staff only (itself or through a block above it), and the groups it is open to (effective: its
 * own access restricted by every block above it).
 *
 * @param weight null when the author set none
 */
public record ProblemDefinition(String key, double maxScore, Double weight, boolean staffOnly, GroupAccess access) {

    public ProblemDefinition {
        access = access == null ? GroupAccess.OPEN : access;
    }

    public ProblemDefinition(String key, double maxScore, Double weight, boolean staffOnly) {
        this(key, maxScore, weight, staffOnly, GroupAccess.OPEN);
    }

    public ProblemDefinition(String key, double maxScore, Double weight) {
        this(key, maxScore, weight, false);
    }

    /**
     * Open edX {@code weighted_score}: earned * weight / possible and weight when a weight is set and the raw possible
     * is above 0; the raw values otherwise. No score (or a reset) means 0 of the problem's maximum.
     */
    public WeightedScore weigh(ProblemScore score) {
        double earned = score == null || score.isReset() ? 0 : score.rawEarned();
        double possible = score == null || score.isReset() ? maxScore : score.rawPossible();
        if (weight == null || possible <= 0) {
            return new WeightedScore(earned, possible);
        }
        return new WeightedScore(earned * weight / possible, weight);
    }

    public record WeightedScore(double earned, double possible) {
    }
}
