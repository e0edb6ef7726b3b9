package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code course.grading-policy.changed}: the newest grading-policy version of a course, once its edits settled. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CourseGradingPolicyChanged(String courseKey, long policyVersion, String policyHash) {
}
