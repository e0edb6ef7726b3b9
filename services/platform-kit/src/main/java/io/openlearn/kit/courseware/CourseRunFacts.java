package io.openlearn.kit.courseware;

import java.time.Instant;

/**
 * What courseware access reads of a course run (course-authoring owns it): title, schedule, the beta testers' head
 * start and whether the catalog outline is public ({@code courseVisibility} {@code public_outline}).
 */
public record CourseRunFacts(String courseKey, String title, Instant start, Instant end, int daysEarlyForBeta,
        boolean publicOutline) {

    /** Read from course-authoring's course run representation. */
    static CourseRunFacts of(String courseKey, CoursewareCalls.Run run) {
        return new CourseRunFacts(courseKey, run.title(), run.start(), run.end(),
                run.daysEarlyForBeta() == null ? 0 : run.daysEarlyForBeta(),
                "public_outline".equals(run.courseVisibility()));
    }
}
