package io.openlearn.kit.client;

import io.openlearn.kit.requestid.RequestIds;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.function.Supplier;

/**
 * The one place a call to another service gets its headers: the current request id ({@code X-Request-Id}), so one id
 * follows a request across services, and this service's own platform token ({@code Authorization}). Registered on
 * every typed client by {@link ServiceClients}; the service token's own calls use {@link #requestIdOnly()}, which
 * cannot ask for a token while one is being fetched.
 */
public final class ServiceCallFilter implements ClientRequestFilter {

    private final Supplier<String> authorization;

    ServiceCallFilter(Supplier<String> authorization) {
        this.authorization = authorization;
    }

    /** Passes the request id on and adds no token: for the calls that obtain the service token. */
    public static ServiceCallFilter requestIdOnly() {
        return new ServiceCallFilter(null);
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!request.getHeaders().containsKey(RequestIds.HEADER)) {
            RequestIds.current().ifPresent(id -> request.getHeaders().putSingle(RequestIds.HEADER, id));
        }
        if (authorization != null && !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization.get());
        }
    }
}
