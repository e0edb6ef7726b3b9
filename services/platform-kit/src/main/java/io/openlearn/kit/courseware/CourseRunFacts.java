package io.openlearn.kit.courseware;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What courseware access reads of a course run (course-authoring owns it): title, schedule, the beta testers' head
 * start and whether the catalog outline is public ({@code courseVisibility} {@code public_outline}).
 */
public record CourseRunFacts(String courseKey, String title, Instant start, Instant end, int daysEarlyForBeta,
                             boolean publicOutline) {

    /** Read from course-authoring's course run representation. */
    public static CourseRunFacts of(String courseKey, JsonNode run) {
        return new CourseRunFacts(courseKey, text(run, "title"), instant(run, "start"), instant(run, "end"),
                run.path("daysEarlyForBeta").asInt(0), "public_outline".equals(text(run, "courseVisibility")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
