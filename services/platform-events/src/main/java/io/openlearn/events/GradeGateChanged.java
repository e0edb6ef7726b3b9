package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code grade.gate.changed}: a learner fulfilled a gate, or no longer does. {@code kind} {@code prerequisite}: the
 * subsection {@code gate} opens once {@code requires} (another subsection) reached the scores; {@code entrance-exam}:
 * the course opens once the chapter {@code gate} (= {@code requires}) reached its minimum, which once reached stays.
 * {@code percent} and {@code completion} are the learner's values on {@code requires} when the change happened.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GradeGateChanged(String courseKey, UUID userId, String kind, String gate, String requires,
        boolean fulfilled, double percent, double completion, long contentVersion, String cause, String causeRef,
        Instant changedAt) {
}
