package io.openlearn.gateway.ratelimit;

import io.openlearn.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The gateway's rate limits: a token bucket per caller (the user once signed in, else the client address) and
 * route class (expensive work such as regrades, rescores and reports has its own, much smaller bucket). Answers
 * carry the IETF RateLimit-Policy / RateLimit headers; a refusal is 429 with Retry-After.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private final GatewayConfig.RateLimit config;
    private final List<Pattern> expensivePaths;
    private final RateLimiter limiter;

    public record Verdict(boolean allowed, String policy, String remaining, long retryAfterSeconds) {
    }

    public RateLimits(GatewayConfig config, Vertx vertx) {
        this.config = config.rateLimit();
        this.expensivePaths = this.config.expensivePaths().stream().map(Pattern::compile).toList();
        if (this.config.redisUrl().isPresent()) {
            LOG.infof("Rate limits shared through Redis at %s", this.config.redisUrl().get());
            this.limiter = new RedisRateLimiter(Redis.createClient(vertx, this.config.redisUrl().get()));
        } else {
            this.limiter = new LocalRateLimiter();
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Takes a token for {@code caller} (e.g. {@code user:<id>} or {@code addr:<ip>}) on {@code path}'s class. */
    public Future<Verdict> check(String path, String caller) {
        boolean expensive = expensivePaths.stream().anyMatch(p -> p.matcher(path).matches());
        String name = expensive ? "expensive" : "standard";
        GatewayConfig.Bucket bucket = expensive ? config.expensive() : config.standard();
        return limiter.take(name + ":" + caller, bucket.capacity(), bucket.refillPerSecond()).map(decision -> {
            long window = Math.max(1, Math.round(bucket.capacity() / bucket.refillPerSecond()));
            String policy = String.format(Locale.ROOT, "\"%s\";q=%d;w=%d", name, bucket.capacity(), window);
            long reset = TokenBucket.secondsUntilFull(decision.tokensLeft(), bucket.capacity(),
                    bucket.refillPerSecond());
            String remaining = String.format(Locale.ROOT, "\"%s\";r=%d;t=%d", name,
                    (long) Math.floor(decision.tokensLeft()), reset);
            long retryAfter = decision.allowed() ? 0
                    : TokenBucket.secondsUntilOne(decision.tokensLeft(), bucket.refillPerSecond());
            return new Verdict(decision.allowed(), policy, remaining, retryAfter);
        });
    }
}
