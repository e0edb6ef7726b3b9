package io.openlearn.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openlearn.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One line per request through the gateway and the Prometheus timers per route and upstream: request id, user,
 * route, status, upstream latency, total latency. With {@code gateway.access-log.path} the lines go to that file in
 * batches from a thread of their own, as nginx buffers its access log: the event loop only hands a string over
 * (when the writer falls behind, lines are dropped and counted rather than slowing requests). Without it they go to
 * the application log (category {@code io.openlearn.gateway.access}).
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger ACCESS = Logger.getLogger("io.openlearn.gateway.access");
    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    private final MeterRegistry registry;
    /** Timers by their tags: registering on every request costs a lookup and allocations the hot path can skip. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final BlockingQueue<String> pending = new ArrayBlockingQueue<>(65_536);
    private final Counter dropped;
    private final Thread writer;
    private volatile boolean running = true;

    public AccessLog(MeterRegistry registry, GatewayConfig config) {
        this.registry = registry;
        this.dropped = Counter.builder("gateway.access_log.dropped").description("Access-log lines dropped")
                .register(registry);
        this.writer = config.accessLog().path().map(this::startWriter).orElse(null);
    }

    /** What one request did; upstream nanos are -1 when it never reached an upstream. */
    public record Entry(String requestId, String user, String method, String route, String path, int status,
                        long upstreamNanos, long totalNanos) {
    }

    public void record(Entry e) {
        String line = line(e);
        if (writer == null) {
            ACCESS.info(line);
        } else if (!pending.offer(line)) {
            dropped.increment();
        }
        String status = (e.status() / 100) + "xx";
        timers.computeIfAbsent("r|" + e.route() + "|" + e.method() + "|" + status, k -> Timer.builder("gateway.requests")
                .description("Requests through the gateway, by route and status class").tag("route", e.route())
                .tag("method", e.method()).tag("status", status).publishPercentileHistogram().register(registry))
                .record(Duration.ofNanos(e.totalNanos()));
        if (e.upstreamNanos() >= 0) {
            timers.computeIfAbsent("u|" + e.route(), k -> Timer.builder("gateway.upstream.latency")
                    .description("Time to the upstream's response headers").tag("upstream", e.route())
                    .publishPercentileHistogram().register(registry)).record(Duration.ofNanos(e.upstreamNanos()));
        }
    }

    static String line(Entry e) {
        StringBuilder b = new StringBuilder(160);
        b.append("rid=").append(e.requestId()).append(" user=").append(e.user() == null ? "-" : e.user())
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

    private Thread startWriter(String path) {
        Thread thread = new Thread(() -> write(Path.of(path)), "gateway-access-log");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void write(Path path) {
        List<String> batch = new ArrayList<>(4_096);
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            while (running || !pending.isEmpty()) {
                String first = pending.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, 4_095);
                String now = Instant.now().toString();
                for (String line : batch) {
                    out.write(now);
                    out.write(' ');
                    out.write(line);
                    out.newLine();
                }
                out.flush();
                batch.clear();
            }
        } catch (IOException e) {
            LOG.errorf("The access log %s cannot be written (%s); lines go to the application log", path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(2_000);
        }
    }
}
