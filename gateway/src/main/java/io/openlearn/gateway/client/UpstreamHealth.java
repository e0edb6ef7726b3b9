package io.openlearn.gateway.client;

import io.openlearn.gateway.config.GatewayConfig;
import io.openlearn.kit.client.ServiceCallFilter;
import io.openlearn.kit.client.ServiceClients;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks each configured upstream ({@code gateway.upstream.<name>}) whether it is ready, without blocking: connecting
 * and answering are each bounded by {@link #PROBE_TIMEOUT}, and anything but a 200 counts as not ready. A probe is
 * never retried; the next one follows a few seconds later.
 */
@ApplicationScoped
public class UpstreamHealth {

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, UpstreamHealthApi> upstreams;

    public UpstreamHealth(GatewayConfig config) {
        this.upstreams = config.upstream().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                upstream -> ServiceClients.build(UpstreamHealthApi.class, upstream.getValue(),
                        ServiceCallFilter.requestIdOnly(), PROBE_TIMEOUT, PROBE_TIMEOUT)));
    }

    /** Whether the upstream of this name answered its readiness with 200; never fails. */
    public Uni<Boolean> ready(String name) {
        UpstreamHealthApi upstream = upstreams.get(name);
        if (upstream == null) {
            return Uni.createFrom().item(Boolean.FALSE);
        }
        return upstream.ready()
                .map(response -> {
                    response.close();
                    return response.getStatus() == 200;
                })
                .onFailure().recoverWithItem(Boolean.FALSE);
    }
}
