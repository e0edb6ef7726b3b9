package io.openlearn.submission.client;

import java.time.Duration;
import java.time.Instant;

/**
 * A course run's dates and beta testers' head start ({@code earlyAccess}, Open edX's days_early_for_beta) from
 * course-authoring, and its grading policy's grace period.
 */
public record CourseSchedule(Instant start, Instant end, Duration grace, Duration earlyAccess) {
}
