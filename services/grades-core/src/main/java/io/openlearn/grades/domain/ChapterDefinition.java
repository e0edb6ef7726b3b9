package io.openlearn.grades.domain;

import io.openlearn.kit.courseware.GroupAccess;
import java.time.Instant;

/**
 * A chapter (Open edX "section") of a published version, with its release date, staff-only flag and the groups it
 * is open to ({@link GroupAccess#OPEN} for everyone).
 */
public record ChapterDefinition(String key, String displayName, Instant start, boolean staffOnly,
        GroupAccess access) {

    public ChapterDefinition {
        access = access == null ? GroupAccess.OPEN : access;
    }

    public ChapterDefinition(String key, String displayName, Instant start, boolean staffOnly) {
        this(key, displayName, start, staffOnly, GroupAccess.OPEN);
    }
}
