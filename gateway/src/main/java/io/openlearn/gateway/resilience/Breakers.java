package io.openlearn.gateway.resilience;

import io.openlearn.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One circuit breaker per upstream. */
@ApplicationScoped
public class Breakers {

    private final GatewayConfig.Breaker config;
    private final Map<String, CircuitBreaker> byUpstream = new ConcurrentHashMap<>();

    public Breakers(GatewayConfig config) {
        this.config = config.circuitBreaker();
    }

    public CircuitBreaker of(String upstream) {
        return byUpstream.computeIfAbsent(upstream, name -> new CircuitBreaker(config.failureThreshold(),
                config.openFor(), Clock.systemUTC()));
    }
}
