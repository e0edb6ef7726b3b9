package io.openlearn.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * An upstream that reports what reached it (method, path, headers, a digest of the body), so tests can see exactly
 * what the gateway forwards. Stands in for a service's HTTP side only; the real services are exercised by the
 * end-to-end journeys. Like a Quarkus service it refuses a body over its own limit (10 MiB, content 2 GiB) with 413
 * and closes the connection without reading the rest.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    /** Quarkus' default quarkus.http.limits.max-body-size, which every service but content-repository keeps. */
    static final long SERVICE_BODY_LIMIT = 10L * 1024 * 1024;
    static final long CONTENT_BODY_LIMIT = 2L * 1024 * 1024 * 1024;

    /** While true, the "submission" upstream answers 503 to everything (circuit breaker tests). */
    static volatile boolean submissionFailing;
    /** Flaky paths already seen: the first request to each answers 503. */
    static final Set<String> FLAKY_SEEN = ConcurrentHashMap.newKeySet();
    /** Every path whose request head reached this upstream, before its body is read. */
    static final Set<String> STARTED = ConcurrentHashMap.newKeySet();
    /** Every path whose exchange is over here, answered or cut short. */
    static final Set<String> ENDED = ConcurrentHashMap.newKeySet();
    /** Paths whose body arrived whole (as far as the framing says), with its length. */
    static final Map<String, Long> RECEIVED = new ConcurrentHashMap<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try {
                handle(exchange);
            } finally {
                ENDED.add(exchange.getRequestURI().getPath());
            }
        });
        // one thread per exchange: a slow request must not hold up the others
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("gateway.upstream.enrollment", url,
                "gateway.upstream.auth", url,
                "gateway.upstream.submission", url,
                "gateway.upstream.grades", url,
                "gateway.upstream.content", url,
                // nothing listens on port 1: a dead upstream
                "gateway.upstream.authoring", "http://127.0.0.1:1",
                "gateway.upstream-timeout", "1S",
                // auth's route waits longer than the others: a per-route timeout
                "gateway.routes.auth.timeout", "5S");
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        STARTED.add(path);
        if (path.startsWith("/api/submission/") && submissionFailing) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        if (path.contains("/flaky/") && FLAKY_SEEN.add(path)) {
            // the first request to each flaky path finds the service unavailable, as during a restart
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        long limit = path.startsWith("/api/content/") ? CONTENT_BODY_LIMIT : SERVICE_BODY_LIMIT;
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (path.contains("/too-large-for-me/") || (declared != null && Long.parseLong(declared) > limit)) {
            refuseBody(exchange);
            return;
        }
        MessageDigest digest = sha256();
        long length = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] chunk = new byte[65_536];
            for (int n = in.read(chunk); n > 0; n = in.read(chunk)) {
                digest.update(chunk, 0, n);
                length += n;
                if (length > limit) {
                    refuseBody(exchange);
                    return;
                }
            }
        }
        RECEIVED.put(path, length);
        if (path.endsWith("/slow")) {
            sleep(3_000);
        }
        String headers = exchange.getRequestHeaders().entrySet().stream()
                .map(e -> quote(e.getKey().toLowerCase()) + ":" + quote(String.join(",", e.getValue())))
                .collect(Collectors.joining(","));
        String json = "{\"method\":" + quote(exchange.getRequestMethod())
                + ",\"uri\":" + quote(exchange.getRequestURI().toString())
                + ",\"bodyLength\":" + length
                + ",\"bodySha256\":" + quote(HexFormat.of().formatHex(digest.digest()))
                + ",\"headers\":{" + headers + "}}";
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Upstream", "echo");
        if (path.contains("/cacheable/")) {
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=60");
        }
        if (path.contains("/varies/")) {
            // two header lines, one repeating the gateway's own Origin in another case
            exchange.getResponseHeaders().add("Vary", "Accept-Encoding");
            exchange.getResponseHeaders().add("Vary", "origin, Accept-Language");
        }
        exchange.sendResponseHeaders(200, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    /** What a service does with a body over its limit: 413, and the connection closed without reading on. */
    private static void refuseBody(HttpExchange exchange) throws IOException {
        byte[] out = "{\"status\":413,\"title\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(413, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
