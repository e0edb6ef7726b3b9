package io.openlearn.gateway.config;

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

    /** Largest request body accepted (by Content-Length, or counted while streaming); larger is 413. */
    @WithDefault("200M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

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
