package io.openlearn.outbox;

import io.openlearn.broker.CloudEvents;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox of one service: what its events say about their origin and how the relay drains them. */
@ConfigMapping(prefix = "openlearn.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event this service appends, e.g. {@code /openlearn/auth}. */
    String source();

    /**
     * Pause between two scheduled relay runs (the scheduler reads the same key). Quarkus' simple scheduler checks
     * its triggers once a second, so values below 1s behave as 1s.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows claimed, published and marked in one relay pass (one database transaction); at least 1. */
    @WithDefault("100")
    int batchSize();

    /** Off: events are still appended, nothing is published and no broker connection is opened. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Relay right after a transaction that appended events commits, instead of at the next poll: an event reaches
     * its consumers in milliseconds (grades STREAM latency depends on it). The poll still sweeps anything missed.
     */
    @WithDefault("true")
    boolean wakeOnCommit();

    /**
     * How long a woken relay waits before its pass, so commits arriving meanwhile share one pass (one claim and one
     * update for many events) instead of one pass each.
     */
    @WithDefault("10ms")
    Duration wakeDelay();

    /** How long a pass waits for the broker to confirm its messages before it counts them as failed. */
    @WithDefault("5s")
    Duration confirmTimeout();
}
