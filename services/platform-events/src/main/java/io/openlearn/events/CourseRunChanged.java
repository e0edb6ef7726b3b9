package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** {@code course.run.changed}: a course run was created, updated or rerun (the event of the new run). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CourseRunChanged(String courseKey, Change change, long version, String title, Instant start,
        Instant end, Instant enrollmentStart, Instant enrollmentEnd, String pacing, boolean invitationOnly,
        Integer maxEnrollments, String rerunOf, Integer daysEarlyForBeta, String courseVisibility) {

    public enum Change {
        created, updated, rerun
    }
}
