package io.openlearn.gateway.observability;

import io.openlearn.gateway.client.UpstreamHealth;
import io.openlearn.gateway.config.GatewayConfig;
import io.openlearn.gateway.resilience.Breakers;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness that reflects the upstreams without hanging on them: each one's readiness is probed every few seconds
 * in the background (2 s timeout) and reported here with its circuit state. The gateway is not ready only when auth
 * (needed for every token exchange) or every upstream is unreachable: one slow or failing service does not take
 * the front door out of the load balancer.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    static final long PROBE_EVERY_MILLIS = 5_000;

    private final GatewayConfig config;
    private final Breakers breakers;
    private final UpstreamHealth health;
    private final Map<String, Boolean> reachable = new ConcurrentHashMap<>();

    public UpstreamReadiness(GatewayConfig config, Breakers breakers, UpstreamHealth health) {
        this.config = config;
        this.breakers = breakers;
        this.health = health;
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        probe();
        vertx.setPeriodic(PROBE_EVERY_MILLIS, id -> probe());
    }

    private void probe() {
        config.upstream().keySet().forEach(name -> health.ready(name)
                .subscribe().with(ready -> reachable.put(name, ready)));
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams");
        config.upstream().keySet().forEach(name -> builder.withData(name,
                (reachable.getOrDefault(name, Boolean.TRUE) ? "ready" : "unreachable") + ", circuit "
                        + breakers.of(name).state().name().toLowerCase()));
        boolean authDown = Boolean.FALSE.equals(reachable.get("auth"));
        boolean allDown = !reachable.isEmpty() && reachable.values().stream().noneMatch(Boolean::booleanValue);
        return builder.status(!authDown && !allDown).build();
    }
}
