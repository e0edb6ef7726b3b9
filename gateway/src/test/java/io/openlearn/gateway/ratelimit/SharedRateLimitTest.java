package io.openlearn.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two gateway replicas drawing from one Redis-held bucket, against the Redis of this machine (127.0.0.1:6379). */
class SharedRateLimitTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    private static boolean take(RateLimiter limiter, String key) throws Exception {
        return limiter.take(key, 5, 0.001).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)
                .allowed();
    }

    @Test
    void twoReplicasShareOneBucketSoTheLimitHoldsAcrossThem() throws Exception {
        RateLimiter replicaA = new RedisRateLimiter(Redis.createClient(vertx, "redis://127.0.0.1:6379"));
        RateLimiter replicaB = new RedisRateLimiter(Redis.createClient(vertx, "redis://127.0.0.1:6379"));
        String key = "test:" + UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            if (take(i % 2 == 0 ? replicaA : replicaB, key)) {
                allowed++;
            }
        }
        assertEquals(5, allowed, "capacity 5 in all, not 5 per replica");
    }

    @Test
    void localBucketsAreFullAtFirstRefuseWhenEmptyAndRefill() throws Exception {
        LocalRateLimiter local = new LocalRateLimiter();
        for (int i = 0; i < 5; i++) {
            assertTrue(take(local, "k"));
        }
        assertFalse(take(local, "k"));
        assertTrue(local.take("fast", 1, 1000).result().allowed());
        Thread.sleep(5);
        assertTrue(local.take("fast", 1, 1000).result().allowed(), "refilled at 1000/s");
    }

    @Test
    void anUnreachableSharedStoreLetsRequestsPass() throws Exception {
        RateLimiter broken = new RedisRateLimiter(Redis.createClient(vertx, "redis://127.0.0.1:1"));
        assertTrue(take(broken, "any"));
    }
}
