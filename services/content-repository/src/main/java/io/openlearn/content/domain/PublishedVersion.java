package io.openlearn.content.domain;

import java.time.Instant;

/**
 * One immutable publication of a course run's content. {@code gradingChanged} says whether anything grades depend
 * on changed since the previous version (compared by {@code gradingDigest}); only then do grades need recomputing.
 * {@code publishId} names the set of published block documents this version is made of.
 */
public record PublishedVersion(String courseKey, int version, Instant publishedAt, boolean gradingChanged,
        String publishId, int blockCount, String gradingDigest, String publishedBy) {

    public PublishedVersion {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }
}
