package io.openlearn.authoring.domain;

import java.util.Arrays;
import java.util.Optional;

/** Instructor-paced runs follow the schedule; self-paced runs let each learner go at their own pace. */
public enum Pacing {
    INSTRUCTOR("instructor"), SELF("self");

    private final String wireName;

    Pacing(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Pacing> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
