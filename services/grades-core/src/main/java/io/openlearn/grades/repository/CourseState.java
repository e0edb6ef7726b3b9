package io.openlearn.grades.repository;

import java.time.Instant;

/** The policy and content versions a course is graded against now, and its end (for the freeze). */
public record CourseState(String courseKey, long policyVersion, long contentVersion, Instant courseEnd) {
}
