package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** {@code content.course.published}: a new immutable version of a course's content. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentCoursePublished(String courseKey, long version, Instant publishedAt, boolean gradingChanged,
        String gradingDigest, int blockCount) {
}
