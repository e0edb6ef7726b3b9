package io.openlearn.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: a small HTTP stand-in for another service, for the fault-tolerance tests of the typed clients. It answers
 * canned JSON by path prefix, and can be made slow ({@link #slow}) or fail the next requests with a status
 * ({@link #failNext}); it remembers each request's method, path and headers. Runs on a random local port;
 * {@link #url()} is what a client's URL setting (e.g. {@code submission.content-url}) is pointed at.
 */
public final class FaultyUpstream implements AutoCloseable {

    /** One request as it arrived. */
    public record Seen(String method, String path, String authorization, String requestId) {
    }

    private record Canned(int status, String json) {
    }

    private final HttpServer server;
    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile String failurePrefix = "";
    private volatile Duration delay = Duration.ZERO;

    private FaultyUpstream(HttpServer server) {
        this.server = server;
    }

    public static FaultyUpstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FaultyUpstream upstream = new FaultyUpstream(server);
            server.createContext("/", upstream::handle);
            server.setExecutor(Executors.newFixedThreadPool(8, r -> {
                Thread thread = new Thread(r, "faulty-upstream");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Requests whose path starts with {@code pathPrefix} get this answer (the longest matching prefix wins; an answer
     * for the request's method before one for any method). Nothing matching: 404.
     */
    public FaultyUpstream answer(String pathPrefix, int status, String json) {
        answers.put(" " + pathPrefix, new Canned(status, json));
        return this;
    }

    /** As {@link #answer(String, int, String)}, for requests with this method only. */
    public FaultyUpstream answer(String method, String pathPrefix, int status, String json) {
        answers.put(method + " " + pathPrefix, new Canned(status, json));
        return this;
    }

    /** Every answer waits this long first. */
    public FaultyUpstream slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** The next {@code count} requests fail with {@code status} (no body). */
    public FaultyUpstream failNext(int count, int status) {
        return failNext("", count, status);
    }

    /**
     * The next {@code count} requests whose path starts with {@code pathPrefix} fail with {@code status}: other
     * requests (a process's background work) do not use up the failures a test counts on.
     */
    public FaultyUpstream failNext(String pathPrefix, int count, int status) {
        this.failurePrefix = pathPrefix;
        this.failureStatus = status;
        failures.set(count);
        return this;
    }

    /** Back to answering at once, without failures, with nothing seen. */
    public FaultyUpstream reset() {
        delay = Duration.ZERO;
        failures.set(0);
        failurePrefix = "";
        seen.clear();
        return this;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** How many requests had a path starting with {@code pathPrefix}. */
    public long requests(String pathPrefix) {
        return seen.stream().filter(s -> s.path().startsWith(pathPrefix)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private java.util.Optional<Canned> match(String methodKey, String path) {
        return answers.entrySet().stream()
                .filter(e -> e.getKey().startsWith(methodKey)
                        && path.startsWith(e.getKey().substring(methodKey.length())))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            seen.add(new Seen(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Request-Id")));
            exchange.getRequestBody().readAllBytes();
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (path.startsWith(failurePrefix) && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(failureStatus, -1);
                return;
            }
            Canned canned = match(exchange.getRequestMethod() + " ", path)
                    .orElseGet(() -> match(" ", path).orElse(new Canned(404, "{}")));
            byte[] body = canned.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (canned.status() == 204) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            exchange.sendResponseHeaders(canned.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up (a timeout): nothing to answer
        }
    }
}
