package io.openlearn.kit.keys;

import java.util.regex.Pattern;

/** Open edX opaque keys as the platform accepts them. */
public final class CourseKeys {

    /** {@code course-v1:Org+Number+Run}; each part letters, digits, underscore, dot, hyphen. */
    public static final Pattern COURSE_KEY = Pattern.compile("course-v1:[A-Za-z0-9_.-]+\\+[A-Za-z0-9_.-]+\\+[A-Za-z0-9_.-]+");

    private CourseKeys() {
    }

    public static boolean isCourseKey(String value) {
        return value != null && value.length() <= 255 && COURSE_KEY.matcher(value).matches();
    }
}
