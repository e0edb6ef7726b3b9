package io.openlearn.kit.courseware;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * The owners of the access facts, called through typed clients at the URLs the calling service configures. Every
 * call: 5 s deadline, one immediate retry (all are reads), a circuit breaker per method. Override per method
 * with MicroProfile Fault Tolerance config, e.g.
 * {@code io.openlearn.kit.courseware.CoursewareCalls/run/Timeout/value=2000}.
 */
@ApplicationScoped
public class CoursewareCalls {

    /** What access reads of course-authoring's course run. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(String title, Instant start, Instant end, Integer daysEarlyForBeta, String courseVisibility) {
    }

    /** A learner's groups in a run, and whether they are actively enrolled (no groups when not). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Groups(Boolean active, List<GroupAccess.Group> groups) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Extension(String subsectionKey, Instant until) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Extensions(List<Extension> items) {
    }

    /** One subsection a gate locks for a learner (grades' answer). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lock(String subsectionKey, String kind, String requires, String requiresName, Double minScore,
            Double minCompletion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Locks(List<Lock> locked) {
    }

    private final ServiceClients clients;

    public CoursewareCalls(ServiceClients clients) {
        this.clients = clients;
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Run run(String authoringUrl, String courseKey) {
        return clients.client(CourseRunsApi.class, authoringUrl).run(courseKey);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Groups groups(String enrollmentUrl, String courseKey, UUID learner) {
        return clients.client(LearnerGroupsApi.class, enrollmentUrl).groups(courseKey, learner);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Extensions extensions(String submissionUrl, String courseKey, UUID learner) {
        return clients.client(ExtensionsApi.class, submissionUrl).extensions(courseKey, learner);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Locks locks(String gradesUrl, String courseKey, UUID learner) {
        return clients.client(LocksApi.class, gradesUrl).locks(courseKey, learner);
    }
}
