package io.openlearn.grades.repository;

/**
 * Why a grade changed, as the history and the grade rows record it.
 *
 * @param kind {@code score}, {@code score-reset}, {@code policy}, {@code publish}, {@code override},
 *     {@code enrollment} (enrolled, unenrolled), {@code track} (a mode change), {@code cohort} (a cohort move),
 *     {@code regrade} or {@code rescore}
 * @param ref the score id, policy version, publish version, override id, job id, enrollment change or cohort id
 * @param byAdmin an admin's action, which may change grades that are already frozen
 */
public record Cause(String kind, String ref, boolean byAdmin) {

    public static Cause of(String kind, String ref) {
        return new Cause(kind, ref, false);
    }
}
