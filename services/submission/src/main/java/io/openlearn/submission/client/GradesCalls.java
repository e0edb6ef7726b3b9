package io.openlearn.submission.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import io.openlearn.submission.config.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * grades at {@code submission.grades-url}: the subsections a learner's unfulfilled gates lock, with a 5 s deadline,
 * one immediate retry and a circuit breaker ({@code io.openlearn.submission.client.GradesCalls/locks/Timeout/value}
 * and so on).
 */
@ApplicationScoped
class GradesCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lock(String subsectionKey, String kind, String requires, String requiresName, Double minScore,
            Double minCompletion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Locks(List<Lock> locked) {
    }

    private final GradesApi api;

    GradesCalls(ServiceClients clients, SubmissionConfig config) {
        this.api = clients.client(GradesApi.class, config.gradesUrl());
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Locks locks(String courseKey, UUID learner) {
        return api.locks(courseKey, learner);
    }
}
