package io.openlearn.gateway.proxy;

import io.openlearn.gateway.config.GatewayConfig;
import io.openlearn.gateway.observability.AccessLog;
import io.openlearn.gateway.ratelimit.RateLimits;
import io.openlearn.gateway.resilience.Breakers;
import io.openlearn.gateway.security.EdgeAuthenticator;
import io.openlearn.gateway.security.EdgeRejection;
import io.openlearn.kit.requestid.RequestIds;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.LaunchMode;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Routes {@code /api/<name>/**} to the service named {@code <name>}, streaming bodies both ways. The request is first
 * brought to its canonical form (path and method, {@link CanonicalPath}): that form is routed, rate-limited and
 * forwarded, so no spelling of an operation reaches it in another class. Then, in order: the route must exist (404)
 * and the body fit the route's limit (413); the upstream's circuit must be closed (503 with Retry-After); the
 * caller's token must be good (401), its platform token replacing it downstream; the caller's rate limit must allow
 * it (429). A bodiless idempotent request that gets no answer is tried again; every request ends with an access-log
 * line and metrics. Nothing else is served on this port: {@code /q/*} lives on the management interface.
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
    private static final CharSequence FORWARDED = HttpHeaders.createOptimized("Forwarded");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
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
    private final TrustedProxies trustedProxies;
    private final Set<String> publicPaths;
    private final Map<String, Upstream> upstreams = new HashMap<>();
    /** Dev mode keeps Quarkus' Dev UI under /q on this port; everywhere else nothing but the API is served here. */
    private final boolean devUi = LaunchMode.current() == LaunchMode.DEVELOPMENT;

    record Upstream(String name, LoopLocalClients clients, Duration timeout, int retries, long maxBodySize) {
    }

    /**
     * One request as the gateway routes and forwards it (canonical method, path and URI; the client's address) and
     * what is learnt as it goes, for the access log. Volatile: the upstream's answer arrives on the HTTP client's
     * event loop, the request ends on the server's.
     */
    private static final class Exchange {
        final Instant received = Instant.now();
        /** The server span's context: upstream calls are its children, whatever other calls ran in between. */
        final Context trace = Context.current();
        final long started = System.nanoTime();
        final HttpMethod method;
        final String path;
        final String uri;
        final String client;
        volatile String user;
        volatile long upstreamNanos = -1;
        /** The caller's body on its way upstream, once one is sent. */
        volatile CallerBody body;

        Exchange(HttpMethod method, String path, String uri, String client) {
            this.method = method;
            this.path = path;
            this.uri = uri;
            this.client = client;
        }
    }

    public ProxyRoutes(GatewayConfig config, EdgeAuthenticator authenticator, ProblemWriter problems,
            Breakers breakers, RateLimits rateLimits, AccessLog accessLog) {
        this.config = config;
        this.authenticator = authenticator;
        this.problems = problems;
        this.breakers = breakers;
        this.rateLimits = rateLimits;
        this.accessLog = accessLog;
        this.trustedProxies = TrustedProxies.of(config.trustedProxies().orElse(List.of()));
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
                route.map(GatewayConfig.Route::retries).orElse(1),
                route.flatMap(GatewayConfig.Route::maxBodySize).orElse(config.maxBodySize()).asLongValue());
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String rawPath = request.path();
        String path = CanonicalPath.of(rawPath);
        if (path == null) {
            problems.write(ctx, 400, CanonicalPath.MALFORMED);
            return;
        }
        if (!path.startsWith(API)) {
            if (devUi) {
                ctx.next();
            } else {
                problems.write(ctx, 404, "Nothing is published at " + path + "; the API is under /api.");
            }
            return;
        }
        String name = apiName(path);
        if (OWN.contains(name)) {
            ctx.next();
            return;
        }
        // hold the body until we know where it goes; it then streams without being buffered here
        request.pause();
        Exchange exchange = new Exchange(CanonicalMethod.of(request.method()), path,
                upstreamUri(request, rawPath, path), clientAddress(request));
        ctx.addEndHandler(done -> accessLog.record(new AccessLog.Entry(exchange.received,
                ctx.get(RequestIds.MDC_KEY), exchange.client,
                exchange.user, exchange.method.name(), upstreams.containsKey(name) ? name : "unknown", path,
                ctx.response().getStatusCode(), exchange.upstreamNanos, System.nanoTime() - exchange.started)));
        Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            problems.write(ctx, 404, "No API is published at " + path + ".");
            return;
        }
        if (tooLarge(request, upstream.maxBodySize())) {
            problems.writeAndClose(ctx, 413, bodyTooLarge(upstream));
            return;
        }
        Optional<Duration> open = breakers.of(name).refusal();
        if (open.isPresent()) {
            ctx.response().putHeader("Retry-After", String.valueOf(Math.max(1, open.get().toSeconds())));
            problems.write(ctx, 503, "The " + name + " service is failing; the gateway stops calling it for a moment.");
            return;
        }
        if (publicPaths.contains(path)) {
            limited(ctx, upstream, exchange, "addr:" + exchange.client, null);
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            breakers.of(name).skipped();
            unauthorized(ctx, "A bearer token is required.");
            return;
        }
        String bearer = authorization.substring(BEARER.length()).trim();
        Optional<EdgeAuthenticator.Authenticated> known;
        try {
            known = authenticator.known(bearer);
        } catch (EdgeRejection revoked) {
            breakers.of(name).skipped();
            rejected(ctx, revoked);
            return;
        }
        if (known.isPresent()) {
            // a token verified before: no signature check, no thread hop
            exchange.user = known.get().subject();
            limited(ctx, upstream, exchange, "user:" + known.get().subject(), known.get().authorization());
            return;
        }
        String requestId = ctx.get(RequestIds.MDC_KEY);
        ctx.vertx().<EdgeAuthenticator.Authenticated>executeBlocking(
                () -> authenticator.authenticate(bearer, requestId), false)
                .onSuccess(caller -> {
                    exchange.user = caller.subject();
                    limited(ctx, upstream, exchange, "user:" + caller.subject(), caller.authorization());
                })
                .onFailure(failure -> {
                    breakers.of(name).skipped();
                    rejected(ctx, failure);
                });
    }

    /** The request's own URI when its path was canonical already (no copy); else the canonical path and its query. */
    private static String upstreamUri(HttpServerRequest request, String rawPath, String path) {
        String uri = request.uri();
        // an absolute-form target (http://host/path) is sent on in origin form, like any other
        if (path == rawPath && !uri.isEmpty() && uri.charAt(0) == '/') {
            return uri;
        }
        String query = request.query();
        return query == null ? path : path + "?" + query;
    }

    /** The client's address: the peer, or behind a trusted proxy the address it names ({@link TrustedProxies}). */
    private String clientAddress(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (trustedProxies.none()) {
            return peer;
        }
        return trustedProxies.clientAddress(peer, request.headers().getAll(FORWARDED_FOR),
                request.headers().getAll(FORWARDED));
    }

    /** Applies the caller's rate limit, then forwards. */
    private void limited(RoutingContext ctx, Upstream upstream, Exchange exchange, String caller,
            CharSequence authorization) {
        if (!rateLimits.enabled()) {
            forward(ctx, upstream, exchange, authorization, 0);
            return;
        }
        rateLimits.check(exchange.method.name(), exchange.path, caller).onComplete(result -> {
            if (result.failed()) {
                forward(ctx, upstream, exchange, authorization, 0);
                return;
            }
            RateLimits.Verdict verdict = result.result();
            ctx.response().putHeader("RateLimit-Policy", verdict.policy()).putHeader("RateLimit", verdict.remaining());
            if (verdict.allowed()) {
                forward(ctx, upstream, exchange, authorization, 0);
            } else {
                breakers.of(upstream.name()).skipped();
                ctx.response().putHeader("Retry-After", String.valueOf(verdict.retryAfterSeconds()));
                problems.write(ctx, 429, "Too many requests; try again in " + verdict.retryAfterSeconds() + " s.");
            }
        });
    }

    private void forward(RoutingContext ctx, Upstream upstream, Exchange exchange, CharSequence authorization,
            int attempt) {
        long sent = System.nanoTime();
        try {
            upstream.clients().current().request(upstreamRequest(exchange, upstream))
                    .compose(upstreamRequest -> {
                        forwardedHeaders(ctx, exchange, upstreamRequest.headers(), authorization);
                        try (Scope traced = exchange.trace.makeCurrent()) {
                            return sendBody(ctx.request(), exchange, upstreamRequest, upstream.maxBodySize());
                        }
                    })
                    .onSuccess(upstreamResponse -> {
                        exchange.upstreamNanos = System.nanoTime() - sent;
                        int status = upstreamResponse.statusCode();
                        // only the upstream's own faults count against it; any other answer, 4xx included, is an answer
                        boolean failed = status == 502 || status == 503 || status == 504;
                        if (failed && status != 504 && retry(ctx, upstream, exchange, attempt)) {
                            // an upstream that said "unavailable" to a replayable request gets one more chance
                            upstreamResponse.body().onComplete(
                                    ignored -> forward(ctx, upstream, exchange, authorization, attempt + 1));
                            return;
                        }
                        if (failed) {
                            breakers.of(upstream.name()).failure();
                        } else {
                            breakers.of(upstream.name()).success();
                        }
                        relay(ctx, upstreamResponse, authorization != null);
                    })
                    .onFailure(failure -> {
                        exchange.upstreamNanos = System.nanoTime() - sent;
                        CallerBody body = exchange.body;
                        if (body != null && body.cut() != null) {
                            // the caller's body was over the limit, or the caller went away: nothing about the service
                            breakers.of(upstream.name()).skipped();
                            callerCut(ctx, upstream, body.cut());
                            return;
                        }
                        if (!timedOut(failure) && retry(ctx, upstream, exchange, attempt)) {
                            forward(ctx, upstream, exchange, authorization, attempt + 1);
                            return;
                        }
                        breakers.of(upstream.name()).failure();
                        upstreamFailed(ctx, upstream, exchange, failure);
                    });
        } catch (RuntimeException e) {
            // a bug here must end the request, not leave the caller waiting
            LOG.errorf(e, "Forwarding %s failed", exchange.path);
            problems.write(ctx, 500, "The gateway could not complete the request.");
        }
    }

    /**
     * Whether to try again: attempts left, and the request replayable. A timeout is never retried: it would double
     * the wait and the load on a service that is already slow.
     */
    private static boolean retry(RoutingContext ctx, Upstream upstream, Exchange exchange, int attempt) {
        boolean again = attempt < upstream.retries() && replayable(ctx.request(), exchange.method);
        if (again) {
            LOG.debugf("Retrying %s %s on %s", exchange.method, exchange.path, upstream.name());
        }
        return again;
    }

    private static boolean timedOut(Throwable failure) {
        return failure instanceof java.util.concurrent.TimeoutException
                || String.valueOf(failure.getMessage()).contains("timeout");
    }

    /** Only an idempotent request without a body can be sent again: a streamed body is gone once sent. */
    static boolean replayable(HttpServerRequest request, HttpMethod method) {
        String length = request.getHeader("Content-Length");
        return IDEMPOTENT.contains(method) && request.getHeader("Transfer-Encoding") == null
                && (length == null || "0".equals(length.trim()));
    }

    private static boolean tooLarge(HttpServerRequest request, long limit) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String bodyTooLarge(Upstream upstream) {
        return "The request body is larger than the " + upstream.maxBodySize() + " bytes the " + upstream.name()
                + " service accepts.";
    }

    private static RequestOptions upstreamRequest(Exchange exchange, Upstream upstream) {
        return new RequestOptions().setMethod(exchange.method).setURI(exchange.uri)
                .setTimeout(upstream.timeout().toMillis());
    }

    /**
     * The caller's headers that may cross, and the gateway's own. Set on the upstream request itself rather than
     * through {@link RequestOptions}, whose headers are copied into the request as Strings: the pre-encoded
     * Authorization header (a JWT) would lose its encoding and be re-encoded character by character.
     */
    private static void forwardedHeaders(RoutingContext ctx, Exchange exchange, MultiMap headers,
            CharSequence authorization) {
        HttpServerRequest request = ctx.request();
        ForwardedHeaders.copy(request.headers(), headers, ForwardedHeaders::passesUpstream);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        } else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            headers.set(HttpHeaders.AUTHORIZATION, request.getHeader(HttpHeaders.AUTHORIZATION));
        }
        headers.set(REQUEST_ID, (String) ctx.get(RequestIds.MDC_KEY));
        headers.set(FORWARDED_FOR, exchange.client);
        headers.set(FORWARDED_PROTO, request.scheme());
        if (request.authority() != null) {
            headers.set(FORWARDED_HOST, request.authority().toString());
        }
    }

    /**
     * Sends the caller's body, counted against the route's limit ({@link CallerBody}). Not through
     * {@code send(ReadStream)}: its pipe ends the upstream request when the caller's side fails, so a chunked body
     * cut short would reach the service as a complete, shorter one. Here a failed body resets the upstream request.
     */
    private static Future<HttpClientResponse> sendBody(HttpServerRequest request, Exchange exchange,
            HttpClientRequest upstreamRequest, long limit) {
        String length = request.getHeader("Content-Length");
        if (length == null && request.getHeader("Transfer-Encoding") == null) {
            request.resume();
            return upstreamRequest.send();
        }
        if (length == null) {
            upstreamRequest.setChunked(true);
        }
        CallerBody body = new CallerBody(request, limit);
        exchange.body = body;
        // the failure reaches the caller through the response future; Vert.x would log it at ERROR besides
        upstreamRequest.exceptionHandler(failure -> LOG.debugf("Upstream request of %s reset: %s", exchange.path,
                failure.getMessage()));
        body.pipe().endOnFailure(false).to(upstreamRequest).onFailure(cause -> upstreamRequest.reset(0, cause));
        return upstreamRequest.response();
    }

    private void relay(RoutingContext ctx, HttpClientResponse upstreamResponse, boolean authenticated) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(upstreamResponse.statusCode());
        MultiMap headers = upstreamResponse.headers();
        ForwardedHeaders.copy(headers, response.headers(), ForwardedHeaders::passesDownstream);
        ForwardedHeaders.mergeVary(response.headers(), headers);
        if (authenticated && headers.get(HttpHeaders.CACHE_CONTROL) == null) {
            // an answer for a signed-in caller is theirs (grades, progress, submissions) unless the service says not
            response.headers().set(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
        if (headers.get(HttpHeaders.CONTENT_LENGTH) == null) {
            response.setChunked(true);
        }
        upstreamResponse.pipeTo(response).onFailure(failure -> LOG.debugf("Relaying the response of %s was cut: %s",
                ctx.request().path(), failure.getMessage()));
    }

    /** The caller's side ended the exchange: a 413 if its body was too large; nobody to answer if it went away. */
    private void callerCut(RoutingContext ctx, Upstream upstream, CallerBody.Cut cut) {
        if (cut == CallerBody.Cut.TOO_LARGE) {
            problems.writeAndClose(ctx, 413, bodyTooLarge(upstream));
        } else {
            LOG.debugf("The caller of %s went away before its body was sent", ctx.request().path());
            ctx.response().reset();
        }
    }

    private void upstreamFailed(RoutingContext ctx, Upstream upstream, Exchange exchange, Throwable failure) {
        boolean timedOut = timedOut(failure);
        LOG.warnf("Upstream %s failed for %s: %s", upstream.name(), exchange.path, failure.getMessage());
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
