package io.openlearn.grades.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import io.openlearn.kit.courseware.GroupAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * content-repository at {@code openlearn.grading.content-url}: the structure read, with a 5 s deadline, one
 * immediate retry and a circuit breaker ({@code io.openlearn.grades.client.ContentCalls/structure/Timeout/value}).
 */
@ApplicationScoped
class ContentCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Chapter(String key, String displayName, Instant start, Boolean visibleToStaffOnly,
            GroupAccess groupAccess) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String key, Double maxScore, Double weight, Boolean visibleToStaffOnly, GroupAccess groupAccess) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Subsection(String key, String displayName, Boolean graded, String format, Instant due,
            List<Problem> problems, String chapter, Instant start, Boolean visibleToStaffOnly,
            Boolean hideAfterDue, GroupAccess groupAccess, Prerequisite prerequisite) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Prerequisite(String subsection, Double minScore, Double minCompletion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EntranceExam(String chapter, Double minScore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Structure(Long version, List<Chapter> chapters, List<Subsection> subsections, EntranceExam entranceExam) {
    }

    private final ContentApi api;

    ContentCalls(ServiceClients clients, GradingConfig config) {
        this.api = clients.client(ContentApi.class, config.contentUrl());
    }

    /** {@code version} null: the latest published version. */
    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Structure structure(String courseKey, Long version) {
        return api.structure(courseKey, version);
    }
}
