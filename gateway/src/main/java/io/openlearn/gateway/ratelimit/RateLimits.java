package io.openlearn.gateway.ratelimit;

import io.openlearn.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
    private final List<Route> expensiveRoutes;
    private final RateLimiter limiter;

    public record Verdict(boolean allowed, String policy, String remaining, long retryAfterSeconds) {
    }

    /** A route of a class: its method (empty: any) and path pattern. */
    record Route(String method, Pattern path) {

        private static final Pattern WITH_METHOD = Pattern.compile("([A-Z]+) (.+)");

        static Route parse(String configured) {
            Matcher withMethod = WITH_METHOD.matcher(configured.trim());
            return withMethod.matches() ? new Route(withMethod.group(1), Pattern.compile(withMethod.group(2)))
                    : new Route("", Pattern.compile(configured.trim()));
        }

        boolean matches(String requestMethod, String requestPath) {
            return (method.isEmpty() || method.equals(requestMethod)) && path.matcher(requestPath).matches();
        }
    }

    public RateLimits(GatewayConfig config, Vertx vertx) {
        this.config = config.rateLimit();
        this.expensiveRoutes = this.config.expensivePaths().stream().map(Route::parse).toList();
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

    /** Takes a token for {@code caller} (e.g. {@code user:<id>} or {@code addr:<ip>}) on the route's class. */
    public Future<Verdict> check(String method, String path, String caller) {
        boolean expensive = expensiveRoutes.stream().anyMatch(route -> route.matches(method, path));
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
