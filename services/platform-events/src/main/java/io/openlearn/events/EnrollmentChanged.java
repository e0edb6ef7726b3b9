package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** {@code enrollment.changed}: a learner enrolled, unenrolled or changed mode. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrollmentChanged(UUID userId, String courseKey, Change change, String mode, String previousMode,
        boolean active) {

    public enum Change {
        enrolled, unenrolled, mode_changed
    }
}
