package io.openlearn.submission.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.submission.config.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * content-repository at {@code submission.content-url}: two reads, each with a 5 s deadline, one immediate retry and
 * a circuit breaker ({@code io.openlearn.submission.client.ContentCalls/<method>/Timeout/value} and so on).
 */
@ApplicationScoped
class ContentCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StructureProblem(String key, Boolean visibleToStaffOnly, Instant start, GroupAccess groupAccess) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Subsection(String key, Instant due, String showCorrectness, List<StructureProblem> problems,
            Object prerequisite) {
    }

    /** {@code entranceExam} and each subsection's {@code prerequisite}: only whether they are there matters here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Structure(Integer version, List<Subsection> subsections, Object entranceExam) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Choice(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tolerance(String mode, Double value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemDefinition(String kind, List<Choice> choices, Boolean multipleAnswers, List<String> correctChoices,
            Double answer, Tolerance tolerance, List<String> acceptedAnswers, Boolean caseSensitive,
            String pattern, Double maxScore, Integer maxAttempts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Block(ProblemDefinition problem) {
    }

    private final ContentApi api;

    ContentCalls(ServiceClients clients, SubmissionConfig config) {
        this.api = clients.client(ContentApi.class, config.contentUrl());
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Structure structure(String courseKey) {
        return api.structure(courseKey);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Block block(String courseKey, int version, String blockKey) {
        return api.block(courseKey, version, blockKey);
    }
}
