package io.openlearn.submission.client;

import java.time.Duration;
import java.time.Instant;

/** A course run's dates (course-authoring) and its grading policy's grace period. */
public record CourseSchedule(Instant start, Instant end, Duration grace) {
}
