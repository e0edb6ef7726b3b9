package io.openlearn.grades.repository;

import java.time.Instant;

/**
 * The policy and content versions a course is graded against now, and its end (for the freeze) as of the course
 * run's version {@code runVersion} (0: not known).
 */
public record CourseState(String courseKey, long policyVersion, long contentVersion, Instant courseEnd,
        long runVersion) {

    /** This state with the run's end of the given version. */
    public CourseState withRun(Instant end, long version) {
        return new CourseState(courseKey, policyVersion, contentVersion, end, version);
    }
}
