package io.openlearn.authoring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.authoring.config.AuthoringConfig;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * auth's role assignments at {@code authoring.auth-url}: every call with a 5 s deadline and a circuit breaker; the
 * list (GET) and the removal (DELETE, idempotent: a second one finds nothing) are retried once, the grant (POST)
 * never. Configurable as {@code io.openlearn.authoring.client.AuthCalls/<method>/Timeout/value} and so on.
 */
@ApplicationScoped
class AuthCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Assignment(Long id, String username, String role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Assignment> items, String nextCursor) {
    }

    record Grant(String username, String role, String scope, String reason) {
    }

    private final RoleAssignmentsApi api;

    AuthCalls(ServiceClients clients, AuthoringConfig config) {
        this.api = clients.client(RoleAssignmentsApi.class, config.authUrl());
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Page list(String scope, int limit, String after) {
        return api.list(scope, limit, after);
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Assignment add(Grant grant) {
        return api.add(grant);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public void remove(long id, String reason) {
        api.remove(id, reason);
    }
}
