package io.openlearn.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One line per request through the gateway (category {@code io.openlearn.gateway.access}) and the Prometheus
 * timers per route and upstream: request id, user, route, status, upstream latency, total latency.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger ACCESS = Logger.getLogger("io.openlearn.gateway.access");

    private final MeterRegistry registry;

    public AccessLog(MeterRegistry registry) {
        this.registry = registry;
    }

    /** What one request did; upstream nanos are -1 when it never reached an upstream. */
    public record Entry(String requestId, String user, String method, String route, String path, int status,
                        long upstreamNanos, long totalNanos) {
    }

    public void record(Entry e) {
        ACCESS.infof("rid=%s user=%s %s %s route=%s status=%d upstream_ms=%s total_ms=%.2f", e.requestId(),
                e.user() == null ? "-" : e.user(), e.method(), e.path(), e.route(), e.status(),
                e.upstreamNanos() < 0 ? "-" : String.format("%.2f", e.upstreamNanos() / 1e6), e.totalNanos() / 1e6);
        Timer.builder("gateway.requests").description("Requests through the gateway, by route and status class")
                .tag("route", e.route()).tag("method", e.method()).tag("status", (e.status() / 100) + "xx")
                .publishPercentileHistogram().register(registry).record(Duration.ofNanos(e.totalNanos()));
        if (e.upstreamNanos() >= 0) {
            Timer.builder("gateway.upstream.latency").description("Time to the upstream's response headers")
                    .tag("upstream", e.route()).publishPercentileHistogram().register(registry)
                    .record(Duration.ofNanos(e.upstreamNanos()));
        }
    }
}
