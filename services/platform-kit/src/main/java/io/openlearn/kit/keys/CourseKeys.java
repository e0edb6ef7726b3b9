package io.openlearn.kit.keys;

import io.openlearn.kit.problem.ProblemException;
import java.util.regex.Pattern;

/** Open edX opaque keys as the platform accepts them. */
public final class CourseKeys {

    /** {@code course-v1:Org+Number+Run}; each part letters, digits, underscore, dot, hyphen. */
    public static final Pattern COURSE_KEY =
            Pattern.compile("course-v1:[A-Za-z0-9_.-]+\\+[A-Za-z0-9_.-]+\\+[A-Za-z0-9_.-]+");
    static final String PREFIX = "course-v1:";

    private CourseKeys() {
    }

    public static boolean isCourseKey(String value) {
        return value != null && value.length() <= 255 && COURSE_KEY.matcher(value).matches();
    }

    /** The key itself, or a 400 problem saying what a course key looks like. */
    public static String require(String value) {
        if (!isCourseKey(value)) {
            throw new ProblemException(400, "courseKey must be a course key such as course-v1:Org+Number+Run.");
        }
        return value;
    }

    /** The organization part of a valid course key ({@code Org} of {@code course-v1:Org+Num+Run}). */
    public static String orgOf(String courseKey) {
        return courseKey.substring(PREFIX.length(), courseKey.indexOf('+'));
    }
}
