package io.openlearn.enrollment.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * content-repository at {@code enrollment.content-url}: a course's content-group partitions, with a 5 s deadline, one
 * immediate retry and a circuit breaker
 * ({@code io.openlearn.enrollment.client.ContentGroups/partitions/Timeout/value}).
 */
@ApplicationScoped
class ContentGroups {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Group(Integer id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Partition(Integer id, String name, List<Group> groups) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(List<Partition> partitions) {
    }

    private final ContentGroupsApi api;

    ContentGroups(ServiceClients clients, @ConfigProperty(name = "enrollment.content-url") String contentUrl) {
        this.api = clients.client(ContentGroupsApi.class, contentUrl);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Answer partitions(String courseKey) {
        return api.partitions(courseKey);
    }
}
