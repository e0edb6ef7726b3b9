package io.openlearn.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the outbox exposes at {@code /q/metrics}: events published and failed publish attempts (counters), unsent
 * rows and the age of the oldest one (gauges, refreshed by the relay at most every few seconds).
 */
@ApplicationScoped
public class OutboxMetrics {

    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();

    public OutboxMetrics(MeterRegistry registry) {
        published = Counter.builder("openlearn.outbox.published")
                .description("Outbox events the broker confirmed").register(registry);
        failures = Counter.builder("openlearn.outbox.publish.failures")
                .description("Outbox events whose publish failed (nack, timeout, broker error); retried")
                .register(registry);
        Gauge.builder("openlearn.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet published").register(registry);
        Gauge.builder("openlearn.outbox.oldest.pending.age", oldestPending, OutboxMetrics::ageSeconds)
                .description("Age of the oldest unpublished outbox event (0 when none)").baseUnit("seconds")
                .register(registry);
    }

    private static double ageSeconds(AtomicReference<Instant> oldest) {
        Instant value = oldest.get();
        return value == null ? 0 : Math.max(0, (Instant.now().toEpochMilli() - value.toEpochMilli()) / 1000.0);
    }

    void published(int count) {
        published.increment(count);
    }

    void failed(int count) {
        failures.increment(count);
    }

    void pending(long count, Instant oldest) {
        pending.set(count);
        oldestPending.set(oldest);
    }
}
