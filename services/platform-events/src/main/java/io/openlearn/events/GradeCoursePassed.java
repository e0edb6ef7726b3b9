package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** {@code grade.course.passed}: a learner passed the course for the first time. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GradeCoursePassed(String courseKey, UUID userId, double percent, String letterGrade,
        Instant passedAt) {
}
