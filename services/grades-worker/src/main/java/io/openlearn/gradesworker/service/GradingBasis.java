package io.openlearn.gradesworker.service;

import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.repository.CourseState;

/**
 * What a regrade grades against, read before its transaction opens (so no remote call runs while learners are
 * locked): the course state as stored then, and the structure and policy of that state's versions. {@code state}
 * null: the course has no published content yet.
 */
public record GradingBasis(String courseKey, CourseState state, CourseStructure structure, GradingPolicy policy) {

    static GradingBasis unpublished(String courseKey) {
        return new GradingBasis(courseKey, null, null, null);
    }

    boolean published() {
        return state != null;
    }

    /** Whether the state stored now still names the versions this basis holds. */
    boolean matches(CourseState stored) {
        return state != null && stored != null && state.policyVersion() == stored.policyVersion()
                && state.contentVersion() == stored.contentVersion();
    }

    /** The stored state moved (a policy change or publish committed) between the reads and the transaction. */
    static final class Moved extends RuntimeException {
        Moved(String courseKey) {
            super("The course state of " + courseKey + " moved while its grading was prepared", null, false, false);
        }
    }
}
