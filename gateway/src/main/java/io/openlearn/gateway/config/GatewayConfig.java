package io.openlearn.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service, by the name in its API prefix ({@code /api/<name>/v1}). */
    Map<String, String> upstream();

    /** Per-upstream overrides, by the same name (GATEWAY_ROUTES_<NAME>_TIMEOUT, ..._RETRIES). */
    Map<String, Route> routes();

    /** Paths (exact) that need no token: token issuance and key publication. */
    List<String> publicPaths();

    /** How long an upstream may take to answer when its route sets nothing else. */
    Duration upstreamTimeout();

    Duration connectTimeout();

    /** Keep-alive connections to each upstream, per event loop (each event loop keeps its own pool). */
    int maxConnectionsPerUpstream();

    /**
     * Largest request body a route accepts unless it sets its own ({@code routes.<name>.max-body-size}): by
     * Content-Length before anything is forwarded, or counted while a chunked body streams; larger is 413. Each
     * route's limit is its service's own quarkus.http.limits.max-body-size (Quarkus' default, 10M, unless set), so a
     * body the service would refuse never reaches it.
     */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** Longest request line target (path and query) the gateway accepts; longer is 414. */
    @WithDefault("8K")
    MemorySize maxUriLength();

    /** Largest total of request header names and values the gateway accepts; larger is 431. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /**
     * Proxies (addresses or CIDR ranges, IPv4 or IPv6) whose X-Forwarded-For / Forwarded name the client. Empty: the
     * peer is the client and those headers are ignored, as for a gateway nobody stands in front of.
     */
    Optional<List<String>> trustedProxies();

    /** Port of the management interface (health, metrics, OpenAPI); read by quarkus.management.port. */
    @WithDefault("8088")
    int managementPort();

    Exchange exchange();

    Cors cors();

    AccessLogConfig accessLog();

    interface AccessLogConfig {
        /** A file for the access log, written in batches by its own thread; absent: the application log. */
        Optional<String> path();

        /** How often the writer wakes to write the lines gathered since (a crash loses at most this much). */
        @WithDefault("200ms")
        Duration flushInterval();
    }

    Breaker circuitBreaker();

    RateLimit rateLimit();

    interface Route {
        Optional<Duration> timeout();

        /** This route's body limit, when its service's differs from {@code max-body-size}. */
        Optional<MemorySize> maxBodySize();

        /** Extra tries after a failed attempt, for idempotent requests without a body only. */
        @WithDefault("1")
        int retries();
    }

    interface Breaker {
        /** Consecutive failures (no answer, or 502/503/504) that open an upstream's circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 before one trial request may pass. */
        @WithDefault("10S")
        Duration openFor();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Shared store (redis://host:port) so limits hold across gateway replicas; absent: this replica only. */
        Optional<String> redisUrl();

        /** Ordinary calls: a bucket per user (or per client address before sign-in). */
        Bucket standard();

        /** Regrades, rescores and reports: expensive, so a much smaller bucket. */
        Bucket expensive();

        /**
         * Routes of the expensive class: a regular expression matched against the whole path, optionally after a
         * method and a space ({@code POST /api/grades/v1/courses/[^/]+/jobs}: starting a job, not polling it).
         */
        List<String> expensivePaths();
    }

    interface Bucket {
        /** Burst: how many requests a full bucket allows at once. */
        int capacity();

        /** Sustained rate: tokens added per second. */
        double refillPerSecond();
    }

    /** The frontends whose browsers may call the API; feeds quarkus.http.cors.origins. */
    interface Cors {
        List<String> origins();
    }

    interface Exchange {
        String tokenUrl();

        Duration timeout();

        /** Bound of the exchanged-token cache, so a flood of distinct tokens cannot exhaust memory. */
        int cacheSize();

        /** Issuers whose tokens are exchanged at auth (the identity provider's realm URLs). */
        List<String> idpIssuers();
    }
}
