package io.openlearn.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Buckets in this replica's memory (bounded; idle buckets are full again anyway and are forgotten). Every request
 * writes its bucket, and each write schedules the cache's upkeep: on Caffeine's default executor (the common
 * fork-join pool) that was a task hand-off and a thread wake-up per request, so the upkeep runs on the caller's
 * thread, where it is a few amortized map operations.
 */
public final class LocalRateLimiter implements RateLimiter {

    private final Cache<String, TokenBucket.Taken> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10)).executor(Runnable::run).build();

    @Override
    public Future<Decision> take(String bucketKey, int capacity, double refillPerSecond) {
        long now = System.currentTimeMillis();
        TokenBucket.Taken taken = buckets.asMap().compute(bucketKey, (key, previous) -> previous == null
                ? TokenBucket.take(capacity, now, now, capacity, refillPerSecond)
                : TokenBucket.take(previous.tokens(), previous.atMillis(), now, capacity, refillPerSecond));
        return Future.succeededFuture(new Decision(taken.allowed(), taken.tokens()));
    }
}
