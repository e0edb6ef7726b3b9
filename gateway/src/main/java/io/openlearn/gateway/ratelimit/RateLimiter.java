package io.openlearn.gateway.ratelimit;

import io.vertx.core.Future;

/** Takes one token from a named bucket; the answer says whether the request may pass and what is left. */
public interface RateLimiter {

    record Decision(boolean allowed, double tokensLeft) {
    }

    Future<Decision> take(String bucketKey, int capacity, double refillPerSecond);
}
