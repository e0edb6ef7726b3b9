package io.openlearn.grades.client;

import java.time.Instant;

/** What grading needs of a course run: when it ends (grades freeze some days later), as of the run's version. */
public record CourseRun(String courseKey, Instant end, long version) {
}
