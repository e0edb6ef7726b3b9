package io.openlearn.gateway.ratelimit;

import io.openlearn.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
    private final RouteClass standard;
    private final RouteClass expensive;

    public record Verdict(boolean allowed, String policy, String remaining, long retryAfterSeconds) {
    }

    /**
     * A route class and what every answer of it repeats, made once rather than formatted per request: its bucket,
     * the prefix of its bucket keys and its RateLimit-Policy header.
     */
    record RouteClass(GatewayConfig.Bucket bucket, String keyPrefix, String quotedName, String policy) {

        static RouteClass of(String name, GatewayConfig.Bucket bucket) {
            long window = Math.max(1, Math.round(bucket.capacity() / bucket.refillPerSecond()));
            String quoted = "\"" + name + "\"";
            return new RouteClass(bucket, name + ":", quoted, quoted + ";q=" + bucket.capacity() + ";w=" + window);
        }
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
        this.standard = RouteClass.of("standard", this.config.standard());
        this.expensive = RouteClass.of("expensive", this.config.expensive());
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

    /**
     * Takes a token for {@code caller} (e.g. {@code user:<id>} or {@code addr:<ip>}) on the route's class. The method
     * and path are the canonical ones the request is forwarded with (CanonicalMethod, CanonicalPath), so no spelling
     * of an expensive operation is classified as another.
     */
    public Future<Verdict> check(String method, String path, String caller) {
        RouteClass routeClass = expensive(method, path) ? expensive : standard;
        GatewayConfig.Bucket bucket = routeClass.bucket();
        return limiter.take(routeClass.keyPrefix() + caller, bucket.capacity(), bucket.refillPerSecond())
                .map(decision -> {
                    long reset = TokenBucket.secondsUntilFull(decision.tokensLeft(), bucket.capacity(),
                            bucket.refillPerSecond());
                    String remaining = routeClass.quotedName() + ";r=" + (long) Math.floor(decision.tokensLeft())
                            + ";t=" + reset;
                    long retryAfter = decision.allowed() ? 0
                            : TokenBucket.secondsUntilOne(decision.tokensLeft(), bucket.refillPerSecond());
                    return new Verdict(decision.allowed(), routeClass.policy(), remaining, retryAfter);
                });
    }

    private boolean expensive(String method, String path) {
        for (Route route : expensiveRoutes) {
            if (route.matches(method, path)) {
                return true;
            }
        }
        return false;
    }
}
