package io.openlearn.auth.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When keys change hands. A key signs for {@code rotationInterval}; its successor is published {@code publishAhead}
 * before it signs; a retired key stays published for the longest life of a token it signed plus clock skew.
 */
public record RotationSchedule(Duration rotationInterval, Duration publishAhead, Duration tokenLifetime,
        Duration clockSkew) {

    public boolean successorDue(Instant activeSince, Instant now) {
        return !now.isBefore(activeSince.plus(rotationInterval).minus(publishAhead));
    }

    public Instant successorActivatesAt(Instant publishedAt) {
        return publishedAt.plus(publishAhead);
    }

    public Instant retiredKeyPublishedUntil(Instant retiredAt) {
        return retiredAt.plus(tokenLifetime).plus(clockSkew);
    }
}
