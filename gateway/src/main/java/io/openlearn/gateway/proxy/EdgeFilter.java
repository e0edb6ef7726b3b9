package io.openlearn.gateway.proxy;

import io.openlearn.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * What every request to the public port goes through first, ahead of CORS (which ends preflights itself):
 * <ul>
 *   <li>the gateway's own limits on the request line and headers, answered 414 and 431 with problem+json. Vert.x'
 *   decoder is set well above them (quarkus.http.limits), because what it refuses it answers with an empty body
 *   before any handler runs;</li>
 *   <li>{@code Vary: Origin} on every answer, preflights included: CORS answers differ by Origin, and a cache that
 *   kept one origin's answer must not give it to another. The upstream's Vary is merged in later
 *   ({@link ForwardedHeaders#mergeVary}).</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeFilter {

    /**
     * After the request id (10,000), so refusals carry it; before platform-kit's request-target (9,500), body-limit
     * (9,400) and oversized-token (9,000) checks, so a huge target is refused before anything scans it and their
     * answers carry Vary too; before CORS (300).
     */
    static final int PRIORITY = 9_600;
    private static final CharSequence ORIGIN = HttpHeaders.createOptimized("Origin");

    private final ProblemWriter problems;
    private final long maxUriLength;
    private final long maxHeaderSize;

    public EdgeFilter(GatewayConfig config, ProblemWriter problems) {
        this.problems = problems;
        this.maxUriLength = config.maxUriLength().asLongValue();
        this.maxHeaderSize = config.maxHeaderSize().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.response().headers().set(HttpHeaders.VARY, ORIGIN);
        if (request.uri().length() > maxUriLength) {
            refuse(ctx, 414, "The request URI is longer than the " + maxUriLength + " characters the gateway accepts.");
            return;
        }
        if (headerSize(request.headers()) > maxHeaderSize) {
            refuse(ctx, 431, "The request headers are larger than the " + maxHeaderSize
                    + " bytes (names and values together) the gateway accepts.");
            return;
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, int status, String detail) {
        HttpServerRequest request = ctx.request();
        if (request.getHeader(HttpHeaders.CONTENT_LENGTH) != null
                || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            problems.writeAndClose(ctx, status, detail);
        } else {
            problems.write(ctx, status, detail);
        }
    }

    /** Names and values, in characters (header bytes are Latin-1: one character each). */
    private long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length();
            if (size > maxHeaderSize) {
                break;
            }
        }
        return size;
    }
}
