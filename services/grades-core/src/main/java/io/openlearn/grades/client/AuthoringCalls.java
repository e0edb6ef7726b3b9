package io.openlearn.grades.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * course-authoring at {@code openlearn.grading.authoring-url}: reads only, each with a 5 s deadline, one immediate
 * retry and a circuit breaker ({@code io.openlearn.grades.client.AuthoringCalls/<method>/Timeout/value} and so on).
 */
@ApplicationScoped
class AuthoringCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(Instant end, Long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AssignmentTypeAnswer(String type, Integer minCount, Integer dropCount, Double weight, String shortLabel) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Policy(Long version, List<AssignmentTypeAnswer> assignmentTypes, Map<String, Double> gradeCutoffs) {
    }

    private final AuthoringApi api;

    AuthoringCalls(ServiceClients clients, GradingConfig config) {
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

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Policy policyVersion(String courseKey, long version) {
        return api.policyVersion(courseKey, version);
    }
}
