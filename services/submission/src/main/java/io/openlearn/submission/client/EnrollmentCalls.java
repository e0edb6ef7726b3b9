package io.openlearn.submission.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import io.openlearn.kit.courseware.GroupAccess;
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
 * enrollment at {@code submission.enrollment-url}: a learner's enrollment and groups, with a 5 s deadline, one
 * immediate retry and a circuit breaker ({@code io.openlearn.submission.client.EnrollmentCalls/groups/Timeout/value}
 * and so on).
 */
@ApplicationScoped
class EnrollmentCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Groups(Boolean active, List<GroupAccess.Group> groups) {
    }

    private final EnrollmentApi api;

    EnrollmentCalls(ServiceClients clients, SubmissionConfig config) {
        this.api = clients.client(EnrollmentApi.class, config.enrollmentUrl());
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Groups groups(String courseKey, UUID learner) {
        return api.groups(courseKey, learner);
    }
}
