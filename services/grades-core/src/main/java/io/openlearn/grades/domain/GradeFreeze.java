package io.openlearn.grades.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Open edX freezes grades a number of days after the course ends (30 by default): after that only an admin's action
 * changes them, so a late policy edit or republish cannot rewrite certificates already issued.
 */
public record GradeFreeze(Duration afterEnd) {

    public boolean frozen(Instant courseEnd, Instant now) {
        return courseEnd != null && now.isAfter(courseEnd.plus(afterEnd));
    }
}
