package io.openlearn.authoring.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Open edX's {@code course_visibility}: who besides enrolled learners and the team may see a run's catalog outline
 * (titles and schedule, never content). Private runs show it to no one else; {@code public_outline} runs to every
 * signed-in user.
 */
public enum CourseVisibility {
    PRIVATE("private"), PUBLIC_OUTLINE("public_outline");

    private final String wireName;

    CourseVisibility(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CourseVisibility> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }
}
