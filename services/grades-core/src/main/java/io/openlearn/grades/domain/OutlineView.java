package io.openlearn.grades.domain;

/**
 * Which outline a caller gets: {@code LEARNER} (what they may open now, with their scores), {@code STAFF} (the
 * course team: every block, staff-only ones included, all open), {@code CATALOG} (titles and schedule for a course
 * that shows its outline to people who may not read it: nothing opens, no scores).
 */
public enum OutlineView {
    LEARNER, STAFF, CATALOG;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
