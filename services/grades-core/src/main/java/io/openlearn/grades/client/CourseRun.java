package io.openlearn.grades.client;

import io.openlearn.events.CourseRunChanged;
import java.time.Instant;

/** What grading needs of a course run: when it ends (grades freeze some days later), as of the run's version. */
public record CourseRun(String courseKey, Instant end, long version) {

    /** Read from a {@code course.run.changed} event. */
    public static CourseRun of(CourseRunChanged run) {
        return new CourseRun(run.courseKey(), run.end(), run.version());
    }
}
