package io.openlearn.kit.requestid;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Takes the caller's X-Request-Id or makes one, before any route runs, so that every response (errors from the HTTP
 * layer included) returns it and every log line of the request carries it.
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Runs ahead of security and routing filters. */
    static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String requestId = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
            RequestIds.bind(requestId);
            ctx.put(RequestIds.MDC_KEY, requestId);
            ctx.response().putHeader(RequestIds.HEADER, requestId);
            ctx.next();
        }, PRIORITY);
    }
}
