package io.openlearn.kit.client;

import io.openlearn.kit.servicetoken.ServiceTokenProvider;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds the typed REST clients a service calls other services with, against the base URL of the service's own
 * setting (for example {@code grades.authoring-url}): every client carries the {@link ServiceCallFilter} (request id,
 * service token) and maps error answers to {@link UpstreamRefused} / {@link UpstreamFailed}. The socket timeouts are
 * only a backstop; the deadline of a call is its wrapper's {@code @Timeout}.
 */
@ApplicationScoped
public class ServiceClients {

    /** Connecting takes no longer than this; an unreachable service fails fast (then 503). */
    static final long CONNECT_TIMEOUT_MS = 2_000;
    /** A backstop behind the wrappers' {@code @Timeout} (5 s by default), should one be configured above it. */
    static final long READ_TIMEOUT_MS = 60_000;

    private final ServiceCallFilter filter;
    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    public ServiceClients(ServiceTokenProvider tokens) {
        this.filter = new ServiceCallFilter(tokens::authorizationHeader);
    }

    /** The client of {@code api} at {@code baseUrl}, built once per (interface, URL). */
    public <T> T client(Class<T> api, String baseUrl) {
        return api.cast(clients.computeIfAbsent(api.getName() + " " + baseUrl, key -> build(api, baseUrl, filter)));
    }

    private static <T> T build(Class<T> api, String baseUrl, ServiceCallFilter filter) {
        return build(api, baseUrl, filter, Duration.ofMillis(CONNECT_TIMEOUT_MS), Duration.ofMillis(READ_TIMEOUT_MS));
    }

    /**
     * A client with {@code filter} instead of the service-token one and its own socket timeouts: the token
     * provider's calls, which cannot carry a service token and are bounded by {@code openlearn.service-token.timeout}.
     */
    public static <T> T build(Class<T> api, String baseUrl, ServiceCallFilter filter, Duration connect,
            Duration read) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .register(filter)
                .register(new UpstreamStatusMapper())
                .build(api);
    }
}
