package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** {@code grade.course.changed}: a learner's course grade changed; the previous values are null for a first grade. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GradeCourseChanged(String courseKey, UUID userId, double percent, String letterGrade, boolean passed,
        Double previousPercent, String previousLetterGrade, Boolean previousPassed, long policyVersion,
        long contentVersion, String cause, String causeRef, Instant changedAt) {
}
