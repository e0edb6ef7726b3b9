package io.openlearn.gateway.proxy;

import io.openlearn.gateway.config.GatewayConfig;
import io.openlearn.gateway.security.EdgeAuthenticator;
import io.openlearn.gateway.security.EdgeRejection;
import io.openlearn.kit.requestid.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Routes {@code /api/<name>/**} to the service named {@code <name>}, streaming bodies both ways. Before forwarding,
 * the caller's bearer token is replaced by the platform token the edge authenticator vouches for.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String BEARER = "Bearer ";

    private final GatewayConfig config;
    private final EdgeAuthenticator authenticator;
    private final ProblemWriter problems;
    private final Set<String> publicPaths;
    private final Map<String, Upstream> upstreams = new HashMap<>();

    record Upstream(String name, String host, int port, boolean ssl, HttpClient client) {
    }

    public ProxyRoutes(GatewayConfig config, EdgeAuthenticator authenticator, ProblemWriter problems) {
        this.config = config;
        this.authenticator = authenticator;
        this.problems = problems;
        this.publicPaths = Set.copyOf(config.publicPaths());
    }

    void register(@Observes Router router, Vertx vertx) {
        config.upstream().forEach((name, url) -> upstreams.put(name, upstream(vertx, name, url)));
        router.route("/api/*").handler(this::handle);
    }

    private Upstream upstream(Vertx vertx, String name, String url) {
        URI uri = URI.create(url);
        boolean ssl = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(uri.getHost()).setDefaultPort(port).setSsl(ssl)
                .setKeepAlive(true)
                .setMaxPoolSize(config.maxConnectionsPerUpstream())
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setName("upstream-" + name);
        return new Upstream(name, uri.getHost(), port, ssl, vertx.createHttpClient(options));
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // hold the body until we know where it goes; it then streams without being buffered here
        request.pause();
        Upstream upstream = upstreams.get(apiName(request.path()));
        if (upstream == null) {
            problems.write(ctx, 404, "No API is published at " + request.path() + ".");
            return;
        }
        String requestId = ctx.get(RequestIds.MDC_KEY);
        if (publicPaths.contains(request.path())) {
            forward(ctx, upstream, null);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorized(ctx, "A bearer token is required.");
            return;
        }
        String bearer = authorization.substring(BEARER.length()).trim();
        ctx.vertx().<String>executeBlocking(() -> authenticator.platformTokenFor(bearer, requestId), false)
                .onSuccess(platformToken -> forward(ctx, upstream, platformToken))
                .onFailure(failure -> rejected(ctx, failure));
    }

    private void forward(RoutingContext ctx, Upstream upstream, String platformToken) {
        try {
            upstream.client().request(upstreamRequest(ctx, platformToken))
                    .compose(upstreamRequest -> sendBody(ctx.request(), upstreamRequest))
                    .onSuccess(upstreamResponse -> relay(ctx, upstreamResponse))
                    .onFailure(failure -> upstreamFailed(ctx, upstream, failure));
        } catch (RuntimeException e) {
            // a bug here must end the request, not leave the caller waiting
            LOG.errorf(e, "Forwarding %s failed", ctx.request().path());
            problems.write(ctx, 500, "The gateway could not complete the request.");
        }
    }

    private RequestOptions upstreamRequest(RoutingContext ctx, String platformToken) {
        HttpServerRequest request = ctx.request();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setURI(request.uri())
                .setHeaders(MultiMap.caseInsensitiveMultiMap())
                .setTimeout(config.upstreamTimeout().toMillis());
        ForwardedHeaders.copy(request.headers(), options.getHeaders(), ForwardedHeaders::passesUpstream);
        if (platformToken != null) {
            options.putHeader("Authorization", BEARER + platformToken);
        } else if (request.getHeader("Authorization") != null) {
            options.putHeader("Authorization", request.getHeader("Authorization"));
        }
        options.putHeader(RequestIds.HEADER, (String) ctx.get(RequestIds.MDC_KEY));
        options.putHeader("X-Forwarded-For", request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        options.putHeader("X-Forwarded-Proto", request.scheme());
        if (request.authority() != null) {
            options.putHeader("X-Forwarded-Host", request.authority().toString());
        }
        return options;
    }

    private static Future<HttpClientResponse> sendBody(HttpServerRequest request, HttpClientRequest upstreamRequest) {
        String length = request.getHeader("Content-Length");
        if (length == null && request.getHeader("Transfer-Encoding") == null) {
            request.resume();
            return upstreamRequest.send();
        }
        if (length == null) {
            upstreamRequest.setChunked(true);
        }
        return upstreamRequest.send(request);
    }

    private void relay(RoutingContext ctx, HttpClientResponse upstreamResponse) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(upstreamResponse.statusCode());
        ForwardedHeaders.copy(upstreamResponse.headers(), response.headers(), ForwardedHeaders::passesDownstream);
        if (upstreamResponse.getHeader("Content-Length") == null) {
            response.setChunked(true);
        }
        upstreamResponse.pipeTo(response).onFailure(failure ->
                LOG.debugf("Relaying the response of %s was cut: %s", ctx.request().path(), failure.getMessage()));
    }

    private void upstreamFailed(RoutingContext ctx, Upstream upstream, Throwable failure) {
        boolean timedOut = failure instanceof java.util.concurrent.TimeoutException
                || String.valueOf(failure.getMessage()).contains("timeout");
        LOG.warnf("Upstream %s failed for %s: %s", upstream.name(), ctx.request().path(), failure.getMessage());
        if (timedOut) {
            problems.write(ctx, 504, "The " + upstream.name() + " service did not answer in time.");
        } else {
            problems.write(ctx, 502, "The " + upstream.name() + " service is unavailable.");
        }
    }

    private void rejected(RoutingContext ctx, Throwable failure) {
        if (failure instanceof EdgeRejection rejection) {
            if (rejection.status() == 401) {
                unauthorized(ctx, rejection.getMessage());
            } else {
                problems.write(ctx, rejection.status(), rejection.getMessage());
            }
            return;
        }
        LOG.errorf(failure, "Edge authentication failed for %s", ctx.request().path());
        problems.write(ctx, 500, "The gateway could not complete the request.");
    }

    private void unauthorized(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"openlearn\"");
        problems.write(ctx, 401, detail);
    }

    /** {@code /api/<name>/...} -> {@code <name>}. */
    static String apiName(String path) {
        String rest = path.substring("/api/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
