package io.openlearn.grades.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * enrollment at {@code openlearn.grading.enrollment-url}: the roster read, with a 5 s deadline, one immediate retry
 * and a circuit breaker ({@code io.openlearn.grades.client.EnrollmentCalls/roster/Timeout/value}).
 */
@ApplicationScoped
class EnrollmentCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(UUID userId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Roster(List<Item> items, String nextCursor) {
    }

    private final EnrollmentApi api;

    EnrollmentCalls(ServiceClients clients, GradingConfig config) {
        this.api = clients.client(EnrollmentApi.class, config.enrollmentUrl());
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Roster roster(String courseKey, int limit, String after) {
        return api.roster(courseKey, true, limit, after);
    }
}
