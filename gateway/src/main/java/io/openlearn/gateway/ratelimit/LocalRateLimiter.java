package io.openlearn.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;

/** Buckets in this replica's memory (bounded; idle buckets are full again anyway and are forgotten). */
public final class LocalRateLimiter implements RateLimiter {

    private final Cache<String, TokenBucket.Taken> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    @Override
    public Future<Decision> take(String bucketKey, int capacity, double refillPerSecond) {
        long now = System.currentTimeMillis();
        TokenBucket.Taken taken = buckets.asMap().compute(bucketKey, (key, previous) -> previous == null
                ? TokenBucket.take(capacity, now, now, capacity, refillPerSecond)
                : TokenBucket.take(previous.tokens(), previous.atMillis(), now, capacity, refillPerSecond));
        return Future.succeededFuture(new Decision(taken.allowed(), taken.tokens()));
    }
}
