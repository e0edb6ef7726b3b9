package io.openlearn.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Locale;

/**
 * Buckets in Redis, so every gateway replica draws from the same ones. The take is one Lua script (atomic on the
 * server, one round trip), the same arithmetic as {@link TokenBucket}; time comes from Redis so replicas' clocks do
 * not matter. If Redis fails, the request passes (a limiter outage must not become a platform outage).
 */
public final class RedisRateLimiter implements RateLimiter {

    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local capacity = tonumber(ARGV[1])
            local refill = tonumber(ARGV[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or capacity
            local at = tonumber(state[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - at) * refill / 1000)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / refill * 1000) + 1000)
            return {allowed, tostring(tokens)}
            """;

    private final Redis redis;

    public RedisRateLimiter(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Future<Decision> take(String bucketKey, int capacity, double refillPerSecond) {
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg("openlearn:ratelimit:" + bucketKey)
                .arg(capacity).arg(String.format(Locale.ROOT, "%.6f", refillPerSecond));
        return redis.send(eval).map(RedisRateLimiter::decision)
                .recover(failure -> Future.succeededFuture(new Decision(true, capacity)));
    }

    private static Decision decision(Response response) {
        return new Decision(response.get(0).toInteger() == 1, Double.parseDouble(response.get(1).toString()));
    }
}
