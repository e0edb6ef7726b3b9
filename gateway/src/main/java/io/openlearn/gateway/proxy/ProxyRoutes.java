package io.openlearn.gateway.proxy;

import io.openlearn.gateway.config.GatewayConfig;
import io.openlearn.gateway.observability.AccessLog;
import io.openlearn.gateway.ratelimit.RateLimits;
import io.openlearn.gateway.resilience.Breakers;
import io.openlearn.gateway.resilience.CircuitBreaker;
import io.openlearn.gateway.security.EdgeAuthenticator;
import io.openlearn.gateway.security.EdgeRejection;
import io.openlearn.kit.requestid.RequestIds;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Routes {@code /api/<name>/**} to the service named {@code <name>}, streaming bodies both ways. In order: the
 * route must exist (404) and the body fit (413); the upstream's circuit must be closed (503 with Retry-After);
 * the caller's token must be good (401), its platform token replacing it downstream; the caller's rate limit must
 * allow it (429). A bodiless idempotent request that gets no answer is tried again; every request ends with an
 * access-log line and metrics.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String BEARER = "Bearer ";
    static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);
    // header names the gateway sets on every forwarded request, pre-encoded
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
    private static final CharSequence FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    /**
     * Proxying runs as a filter between CORS (priority 300) and Quarkus' authentication (200). The gateway checks
     * tokens itself, so a proxied request skips the handlers that serve the gateway's own endpoints (Quarkus'
     * authentication and authorization, the REST layer's route template, its upload limit): four router steps on
     * every request.
     */
    static final int PRIORITY = 250;
    private static final String API = "/api/";
    /** Paths under /api served by the gateway itself, not proxied. */
    static final Set<String> OWN = Set.of("docs");
    /** The largest piece of an upstream's body relayed at once (Netty reads at most 64 KB at a time anyway). */
    static final int RELAY_CHUNK_BYTES = 64 * 1024;

    private final GatewayConfig config;
    private final EdgeAuthenticator authenticator;
    private final ProblemWriter problems;
    private final Breakers breakers;
    private final RateLimits rateLimits;
    private final AccessLog accessLog;
    private final Set<String> publicPaths;
    private final Map<String, Upstream> upstreams = new HashMap<>();

    record Upstream(String name, LoopLocalClients clients, Duration timeout, int retries) {
    }

    /**
     * What is known about one request as it goes, for the access log. Volatile: the upstream's answer arrives on the
     * HTTP client's event loop, the request ends on the server's.
     */
    private static final class Trace {
        final long started = System.nanoTime();
        volatile String user;
        volatile long upstreamNanos = -1;
    }

    public ProxyRoutes(GatewayConfig config, EdgeAuthenticator authenticator, ProblemWriter problems,
                       Breakers breakers, RateLimits rateLimits, AccessLog accessLog) {
        this.config = config;
        this.authenticator = authenticator;
        this.problems = problems;
        this.breakers = breakers;
        this.rateLimits = rateLimits;
        this.accessLog = accessLog;
        this.publicPaths = Set.copyOf(config.publicPaths());
    }

    void register(@Observes Filters filters, Vertx vertx) {
        config.upstream().forEach((name, url) -> upstreams.put(name, upstream(vertx, name, url)));
        filters.register(this::handle, PRIORITY);
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
                // an answer that arrived in one read is relayed in one write, not cut into 8 KB pieces each flushed
                .setMaxChunkSize(RELAY_CHUNK_BYTES)
                .setName("upstream-" + name);
        Optional<GatewayConfig.Route> route = Optional.ofNullable(config.routes().get(name));
        return new Upstream(name, new LoopLocalClients(vertx, options),
                route.flatMap(GatewayConfig.Route::timeout).orElse(config.upstreamTimeout()),
                route.map(GatewayConfig.Route::retries).orElse(1));
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!request.path().startsWith(API)) {
            ctx.next();
            return;
        }
        String name = apiName(request.path());
        if (OWN.contains(name)) {
            ctx.next();
            return;
        }
        // hold the body until we know where it goes; it then streams without being buffered here
        request.pause();
        Trace trace = new Trace();
        ctx.addEndHandler(done -> accessLog.record(new AccessLog.Entry(ctx.get(RequestIds.MDC_KEY), trace.user,
                request.method().name(), upstreams.containsKey(name) ? name : "unknown", request.path(),
                ctx.response().getStatusCode(), trace.upstreamNanos, System.nanoTime() - trace.started)));
        Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            problems.write(ctx, 404, "No API is published at " + request.path() + ".");
            return;
        }
        if (tooLarge(request)) {
            ctx.response().putHeader("Connection", "close");
            problems.write(ctx, 413, "The request body is larger than the " + config.maxBodySize().asLongValue()
                    + " bytes the gateway accepts.");
            return;
        }
        Optional<Duration> open = breakers.of(name).refusal();
        if (open.isPresent()) {
            ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, open.get().toSeconds())));
            problems.write(ctx, 503, "The " + name + " service is failing; the gateway stops calling it for a moment.");
            return;
        }
        if (publicPaths.contains(request.path())) {
            limited(ctx, upstream, trace, "addr:" + clientAddress(request), null);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            breakers.of(name).success();
            unauthorized(ctx, "A bearer token is required.");
            return;
        }
        String bearer = authorization.substring(BEARER.length()).trim();
        Optional<EdgeAuthenticator.Authenticated> known;
        try {
            known = authenticator.known(bearer);
        } catch (EdgeRejection revoked) {
            rejected(ctx, revoked);
            return;
        }
        if (known.isPresent()) {
            // a token verified before: no signature check, no thread hop
            trace.user = known.get().subject();
            limited(ctx, upstream, trace, "user:" + known.get().subject(), known.get().authorization());
            return;
        }
        String requestId = ctx.get(RequestIds.MDC_KEY);
        ctx.vertx().<EdgeAuthenticator.Authenticated>executeBlocking(
                        () -> authenticator.authenticate(bearer, requestId), false)
                .onSuccess(caller -> {
                    trace.user = caller.subject();
                    limited(ctx, upstream, trace, "user:" + caller.subject(), caller.authorization());
                })
                .onFailure(failure -> {
                    breakers.of(name).success();
                    rejected(ctx, failure);
                });
    }

    /** Applies the caller's rate limit, then forwards. */
    private void limited(RoutingContext ctx, Upstream upstream, Trace trace, String caller,
                         CharSequence authorization) {
        if (!rateLimits.enabled()) {
            forward(ctx, upstream, trace, authorization, 0);
            return;
        }
        rateLimits.check(ctx.request().method().name(), ctx.request().path(), caller).onComplete(result -> {
            if (result.failed()) {
                forward(ctx, upstream, trace, authorization, 0);
                return;
            }
            RateLimits.Verdict verdict = result.result();
            ctx.response().putHeader("RateLimit-Policy", verdict.policy()).putHeader("RateLimit", verdict.remaining());
            if (verdict.allowed()) {
                forward(ctx, upstream, trace, authorization, 0);
            } else {
                breakers.of(upstream.name()).success();
                ctx.response().putHeader("Retry-After", String.valueOf(verdict.retryAfterSeconds()));
                problems.write(ctx, 429, "Too many requests; try again in " + verdict.retryAfterSeconds() + " s.");
            }
        });
    }

    private void forward(RoutingContext ctx, Upstream upstream, Trace trace, CharSequence authorization,
                         int attempt) {
        long sent = System.nanoTime();
        try {
            upstream.clients().current().request(upstreamRequest(ctx, upstream))
                    .compose(upstreamRequest -> {
                        forwardedHeaders(ctx, upstreamRequest.headers(), authorization);
                        return sendBody(ctx.request(), upstreamRequest);
                    })
                    .onSuccess(upstreamResponse -> {
                        trace.upstreamNanos = System.nanoTime() - sent;
                        int status = upstreamResponse.statusCode();
                        boolean failed = status == 502 || status == 503 || status == 504;
                        if (failed && status != 504 && retry(ctx, upstream, attempt)) {
                            // an upstream that said "unavailable" to a replayable request gets one more chance
                            upstreamResponse.body().onComplete(ignored ->
                                    forward(ctx, upstream, trace, authorization, attempt + 1));
                            return;
                        }
                        if (failed) {
                            breakers.of(upstream.name()).failure();
                        } else {
                            breakers.of(upstream.name()).success();
                        }
                        relay(ctx, upstreamResponse);
                    })
                    .onFailure(failure -> {
                        trace.upstreamNanos = System.nanoTime() - sent;
                        if (!timedOut(failure) && retry(ctx, upstream, attempt)) {
                            forward(ctx, upstream, trace, authorization, attempt + 1);
                            return;
                        }
                        breakers.of(upstream.name()).failure();
                        upstreamFailed(ctx, upstream, failure);
                    });
        } catch (RuntimeException e) {
            // a bug here must end the request, not leave the caller waiting
            LOG.errorf(e, "Forwarding %s failed", ctx.request().path());
            problems.write(ctx, 500, "The gateway could not complete the request.");
        }
    }

    /**
     * Whether to try again: attempts left, and the request replayable. A timeout is never retried: it would double
     * the wait and the load on a service that is already slow.
     */
    private static boolean retry(RoutingContext ctx, Upstream upstream, int attempt) {
        boolean again = attempt < upstream.retries() && replayable(ctx.request());
        if (again) {
            LOG.debugf("Retrying %s %s on %s", ctx.request().method(), ctx.request().path(), upstream.name());
        }
        return again;
    }

    private static boolean timedOut(Throwable failure) {
        return failure instanceof java.util.concurrent.TimeoutException
                || String.valueOf(failure.getMessage()).contains("timeout");
    }

    /** Only an idempotent request without a body can be sent again: a streamed body is gone once sent. */
    static boolean replayable(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return IDEMPOTENT.contains(request.method()) && request.getHeader("Transfer-Encoding") == null
                && (length == null || "0".equals(length.trim()));
    }

    private boolean tooLarge(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > config.maxBodySize().asLongValue();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static RequestOptions upstreamRequest(RoutingContext ctx, Upstream upstream) {
        HttpServerRequest request = ctx.request();
        return new RequestOptions().setMethod(request.method()).setURI(request.uri())
                .setTimeout(upstream.timeout().toMillis());
    }

    /**
     * The caller's headers that may cross, and the gateway's own. Set on the upstream request itself rather than
     * through {@link RequestOptions}, whose headers are copied into the request as Strings: the pre-encoded
     * Authorization header (a JWT) would lose its encoding and be re-encoded character by character.
     */
    private static void forwardedHeaders(RoutingContext ctx, MultiMap headers, CharSequence authorization) {
        HttpServerRequest request = ctx.request();
        ForwardedHeaders.copy(request.headers(), headers, ForwardedHeaders::passesUpstream);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        } else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            headers.set(HttpHeaders.AUTHORIZATION, request.getHeader(HttpHeaders.AUTHORIZATION));
        }
        headers.set(REQUEST_ID, (String) ctx.get(RequestIds.MDC_KEY));
        headers.set(FORWARDED_FOR, clientAddress(request));
        headers.set(FORWARDED_PROTO, request.scheme());
        if (request.authority() != null) {
            headers.set(FORWARDED_HOST, request.authority().toString());
        }
    }

    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
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
        boolean timedOut = timedOut(failure);
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
