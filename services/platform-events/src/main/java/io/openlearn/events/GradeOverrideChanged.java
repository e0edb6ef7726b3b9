package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** {@code grade.override.changed}: staff set or cleared a learner's subsection override. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GradeOverrideChanged(String courseKey, UUID userId, String subsectionKey, UUID overrideId,
        Action action, boolean byAdmin) {

    public enum Action {
        set, cleared
    }
}
