package io.openlearn.content.domain;

import java.time.Instant;

/**
 * One immutable publication of a course run's content. {@code gradingChanged} says whether anything grades depend
 * on changed since the previous version; only then do grades need recomputing.
 */
public record PublishedVersion(String courseKey, int version, Instant publishedAt, boolean gradingChanged) {

    public PublishedVersion {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }
}
