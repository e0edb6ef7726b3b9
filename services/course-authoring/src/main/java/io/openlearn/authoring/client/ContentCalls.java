package io.openlearn.authoring.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.authoring.config.AuthoringConfig;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * content-repository at {@code authoring.content-url}: the content copy (a POST, never retried) with a 5 s deadline
 * and a circuit breaker ({@code io.openlearn.authoring.client.ContentCalls/copy/Timeout/value}).
 */
@ApplicationScoped
class ContentCalls {

    record CopyRequest(String targetCourseKey) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Copied(Integer copiedBlocks, Integer copiedAssets) {
    }

    private final CopiesApi api;

    ContentCalls(ServiceClients clients, AuthoringConfig config) {
        this.api = clients.client(CopiesApi.class, config.contentUrl());
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Copied copy(String sourceKey, String targetKey) {
        return api.copy(sourceKey, new CopyRequest(targetKey));
    }
}
