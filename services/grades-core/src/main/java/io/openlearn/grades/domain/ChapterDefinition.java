package io.openlearn.grades.domain;

import java.time.Instant;

/** A chapter (Open edX "section") of a published version, with its release date and staff-only flag. */
public record ChapterDefinition(String key, String displayName, Instant start, boolean staffOnly) {
}
