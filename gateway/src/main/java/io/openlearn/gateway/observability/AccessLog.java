package io.openlearn.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openlearn.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * One line per request through the gateway and the Prometheus timers per route and upstream: the time the request
 * arrived, request id, client address, user, route, status, upstream latency, total latency. With {@code gateway.access-log.path} the lines go
 * to that file in batches from a thread of their own, as nginx buffers its access log ({@code buffer=... flush=...}):
 * the event loop only adds a string to a lock-free queue, and the writer wakes on its own clock
 * ({@code flush-interval}) rather than being signalled per line, which had cost a futex wake, a context switch and a
 * write call per request. When the writer falls behind, lines are dropped and counted rather than slowing requests.
 * Without a path they go to the application log (category {@code io.openlearn.gateway.access}).
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger ACCESS = Logger.getLogger("io.openlearn.gateway.access");
    private static final Logger LOG = Logger.getLogger(AccessLog.class);
    private static final int MAX_PENDING = 65_536;

    private final MeterRegistry registry;
    /** Timers by their tags: registering on every request costs a lookup and allocations the hot path can skip. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final long flushIntervalNanos;
    private final Counter dropped;
    private final Thread writer;
    private volatile boolean running = true;

    @Inject
    public AccessLog(MeterRegistry registry, GatewayConfig config) {
        this(registry, config.accessLog().path().map(Path::of), config.accessLog().flushInterval());
    }

    AccessLog(MeterRegistry registry, Optional<Path> file, Duration flushInterval) {
        this.registry = registry;
        this.dropped = Counter.builder("gateway.access_log.dropped").description("Access-log lines dropped")
                .register(registry);
        this.flushIntervalNanos = flushInterval.toNanos();
        this.writer = file.map(this::startWriter).orElse(null);
    }

    /**
     * What one request did: when it arrived, the client's address (the peer, or the one a trusted proxy named), the
     * canonical method and path; upstream nanos are -1 when it never reached an upstream.
     */
    public record Entry(Instant received, String requestId, String client, String user, String method, String route,
            String path,
            int status, long upstreamNanos, long totalNanos) {
    }

    public void record(Entry e) {
        String line = line(e);
        if (writer == null) {
            ACCESS.info(line);
        } else {
            enqueue(line);
        }
        String status = (e.status() / 100) + "xx";
        timers.computeIfAbsent("r|" + e.route() + "|" + e.method() + "|" + status,
                k -> Timer.builder("gateway.requests")
                        .description("Requests through the gateway, by route and status class").tag("route", e.route())
                        .tag("method", e.method()).tag("status", status).publishPercentileHistogram()
                        .register(registry))
                .record(Duration.ofNanos(e.totalNanos()));
        if (e.upstreamNanos() >= 0) {
            timers.computeIfAbsent("u|" + e.route(), k -> Timer.builder("gateway.upstream.latency")
                    .description("Time to the upstream's response headers").tag("upstream", e.route())
                    .publishPercentileHistogram().register(registry)).record(Duration.ofNanos(e.upstreamNanos()));
        }
    }

    private void enqueue(String line) {
        if (pendingCount.incrementAndGet() > MAX_PENDING) {
            pendingCount.decrementAndGet();
            dropped.increment();
            return;
        }
        pending.add(line);
    }

    static String line(Entry e) {
        StringBuilder b = new StringBuilder(192);
        b.append(e.received()).append(" rid=").append(e.requestId()).append(" client=").append(e.client())
                .append(" user=").append(e.user() == null ? "-" : e.user())
                .append(' ').append(e.method()).append(' ').append(e.path()).append(" route=").append(e.route())
                .append(" status=").append(e.status()).append(" upstream_ms=");
        if (e.upstreamNanos() < 0) {
            b.append('-');
        } else {
            millis(b, e.upstreamNanos());
        }
        b.append(" total_ms=");
        millis(b, e.totalNanos());
        return b.toString();
    }

    private static void millis(StringBuilder b, long nanos) {
        long hundredths = nanos / 10_000;
        b.append(hundredths / 100).append('.').append(hundredths % 100 < 10 ? "0" : "").append(hundredths % 100);
    }

    private Thread startWriter(Path path) {
        Thread thread = new Thread(() -> write(path), "gateway-access-log");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void write(Path path) {
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            while (running) {
                LockSupport.parkNanos(flushIntervalNanos);
                drain(out);
            }
            drain(out);
        } catch (IOException e) {
            LOG.errorf("The access log %s cannot be written (%s); lines go to the application log", path, e);
        }
    }

    /** Writes every pending line and flushes once. */
    private void drain(BufferedWriter out) throws IOException {
        String line = pending.poll();
        if (line == null) {
            return;
        }
        for (; line != null; line = pending.poll()) {
            pendingCount.decrementAndGet();
            out.write(line);
            out.newLine();
        }
        out.flush();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        close();
    }

    /** Writes what is pending and stops the writer. */
    void close() throws InterruptedException {
        running = false;
        if (writer != null) {
            LockSupport.unpark(writer);
            writer.join(2_000);
        }
    }
}
