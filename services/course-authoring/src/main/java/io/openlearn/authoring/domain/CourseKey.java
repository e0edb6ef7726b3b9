package io.openlearn.authoring.domain;

import io.openlearn.kit.keys.CourseKeys;

/** A course run's identity; its string form is the Open edX key {@code course-v1:Org+Number+Run}. */
public record CourseKey(String org, String number, String run) {

    public CourseKey {
        if (!CourseKeys.isCourseKey("course-v1:" + org + "+" + number + "+" + run)) {
            throw new IllegalArgumentException("not a valid course key: " + org + "+" + number + "+" + run);
        }
    }

    public static CourseKey parse(String key) {
        if (!CourseKeys.isCourseKey(key)) {
            throw new IllegalArgumentException("not a valid course key: " + key);
        }
        String[] parts = key.substring("course-v1:".length()).split("\\+");
        return new CourseKey(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return "course-v1:" + org + "+" + number + "+" + run;
    }
}
