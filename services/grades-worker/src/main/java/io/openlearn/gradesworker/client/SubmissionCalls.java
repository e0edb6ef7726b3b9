package io.openlearn.gradesworker.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * submission at {@code openlearn.grading.submission-url}, each call with a 5 s deadline and a circuit breaker; the
 * scores read is retried once, the rescore (a POST that writes scores) never. Configurable as
 * {@code io.openlearn.gradesworker.client.SubmissionCalls/rescore/Timeout/value} and so on.
 */
@ApplicationScoped
class SubmissionCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Score(UUID userId, String itemKey, Double rawEarned, Double rawPossible, Long sequence, UUID scoreId,
            Instant scoredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scores(List<Score> items, String nextAfter) {
    }

    record RescoreRequest(List<String> userIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rescored(Integer rescored) {
    }

    private final SubmissionApi api;

    SubmissionCalls(ServiceClients clients, GradingConfig config) {
        this.api = clients.client(SubmissionApi.class, config.submissionUrl());
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Scores scores(String courseKey, int limit, String after) {
        return api.scores(courseKey, limit, after);
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Rescored rescore(String courseKey, String itemKey, List<UUID> learners) {
        return api.rescore(courseKey, itemKey, new RescoreRequest(learners.stream().map(UUID::toString).toList()));
    }
}
