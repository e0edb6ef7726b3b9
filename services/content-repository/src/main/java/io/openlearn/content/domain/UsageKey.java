package io.openlearn.content.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Open edX usage key: {@code block-v1:Org+Num+Run+type@<type>+block@<id>}. */
public record UsageKey(String org, String number, String run, BlockType type, String id) {

    private static final String PART = "[A-Za-z0-9_.-]+";
    private static final Pattern PATTERN = Pattern.compile("^block-v1:(" + PART + ")\\+(" + PART + ")\\+(" + PART
            + ")\\+type@([a-z]+)\\+block@([A-Za-z0-9_-]{1,64})$");
    private static final Pattern COURSE = Pattern.compile("^course-v1:(" + PART + ")\\+(" + PART + ")\\+(" + PART
            + ")$");
    public static final Pattern BLOCK_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    /** The course root's block id, as Open edX names it. */
    public static final String ROOT_ID = "course";
    /** Longer than any key of a course this service accepts; a longer one names no block. */
    public static final int MAX_LENGTH = 512;

    public static UsageKey parse(String value) {
        Matcher m = value == null ? null : PATTERN.matcher(value);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a usage key: " + value);
        }
        return new UsageKey(m.group(1), m.group(2), m.group(3), BlockType.fromWire(m.group(4)), m.group(5));
    }

    public static UsageKey of(String courseKey, BlockType type, String id) {
        Matcher m = COURSE.matcher(courseKey);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a course key: " + courseKey);
        }
        if (!BLOCK_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a block id: " + id);
        }
        return new UsageKey(m.group(1), m.group(2), m.group(3), type, id);
    }

    public static UsageKey root(String courseKey) {
        return of(courseKey, BlockType.COURSE, ROOT_ID);
    }

    public String courseKey() {
        return "course-v1:" + org + "+" + number + "+" + run;
    }

    /** The same block in another run of the course (reruns and imports keep block ids). */
    public UsageKey inCourse(String courseKey) {
        return of(courseKey, type, id);
    }

    @Override
    public String toString() {
        return "block-v1:" + org + "+" + number + "+" + run + "+type@" + type.wireName() + "+block@" + id;
    }
}
