package io.openlearn.enrollment.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * auth's user directory at {@code enrollment.auth-url}: two reads, each with a 5 s deadline, one immediate retry and
 * a circuit breaker ({@code io.openlearn.enrollment.client.AuthUsers/<method>/Timeout/value} and so on).
 */
@ApplicationScoped
class AuthUsers {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id) {
    }

    private final AuthUsersApi api;

    AuthUsers(ServiceClients clients, @ConfigProperty(name = "enrollment.auth-url") String authUrl) {
        this.api = clients.client(AuthUsersApi.class, authUrl);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public User byUsername(String username) {
        return api.byUsername(username);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public User byId(java.util.UUID id) {
        return api.byId(id);
    }
}
