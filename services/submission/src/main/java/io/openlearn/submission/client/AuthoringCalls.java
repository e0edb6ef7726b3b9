package io.openlearn.submission.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import io.openlearn.submission.config.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * course-authoring at {@code submission.authoring-url}: two reads, each with a 5 s deadline, one immediate retry and
 * a circuit breaker ({@code io.openlearn.submission.client.AuthoringCalls/<method>/Timeout/value} and so on).
 */
@ApplicationScoped
class AuthoringCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(Instant start, Instant end, Integer daysEarlyForBeta) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Policy(Long gracePeriodSeconds) {
    }

    private final AuthoringApi api;

    AuthoringCalls(ServiceClients clients, SubmissionConfig config) {
        this.api = clients.client(AuthoringApi.class, config.authoringUrl());
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Run run(String courseKey) {
        return api.run(courseKey);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Policy policy(String courseKey) {
        return api.policy(courseKey);
    }
}
