package io.openlearn.gateway.ratelimit;

/**
 * The arithmetic of a token bucket, shared by the in-memory limiter and (as a Lua twin) the Redis one: a bucket
 * holds at most {@code capacity} tokens, gains {@code refillPerSecond} per second, and each request takes one.
 */
public final class TokenBucket {

    private TokenBucket() {
    }

    /** The state after a request at {@code nowMillis}: tokens left, and whether the request got one. */
    public record Taken(double tokens, long atMillis, boolean allowed) {
    }

    public static Taken take(double tokens, long lastMillis, long nowMillis, int capacity, double refillPerSecond) {
        double refilled = Math.min(capacity, tokens + Math.max(0, nowMillis - lastMillis) * refillPerSecond / 1000.0);
        if (refilled >= 1) {
            return new Taken(refilled - 1, nowMillis, true);
        }
        return new Taken(refilled, nowMillis, false);
    }

    /** Seconds until a bucket with {@code tokens} holds one again (at least 1, for Retry-After). */
    public static long secondsUntilOne(double tokens, double refillPerSecond) {
        return Math.max(1, (long) Math.ceil((1 - tokens) / refillPerSecond));
    }

    /** Seconds until the bucket is full again (the RateLimit header's reset). */
    public static long secondsUntilFull(double tokens, int capacity, double refillPerSecond) {
        return Math.max(0, (long) Math.ceil((capacity - tokens) / refillPerSecond));
    }
}
