package io.openlearn.gateway.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One upstream's circuit: closed while it answers; open after {@code threshold} consecutive failures, refusing at
 * once (the caller is told when to retry) instead of tying up connections on a service that is down; after
 * {@code openFor}, half-open: one trial request passes, and its outcome closes or reopens the circuit.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Empty when the request may go; otherwise how long until the circuit lets a trial through. */
    public synchronized Optional<Duration> refusal() {
        if (state == State.OPEN) {
            Duration left = Duration.between(clock.instant(), openedAt.plus(openFor));
            if (!left.isNegative() && !left.isZero()) {
                return Optional.of(left);
            }
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) {
                return Optional.of(Duration.ofSeconds(1));
            }
            trialInFlight = true;
        }
        return Optional.empty();
    }

    public synchronized void success() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    /**
     * The request never tested the upstream: the gateway refused it (401, 413, 429) or its caller cut it short (a
     * body over the limit, a hang-up). Counts and state stay as they are; a trial slot it held is freed for the next
     * request, so a half-open circuit is not left waiting for an outcome that will never come.
     */
    public synchronized void skipped() {
        if (state == State.HALF_OPEN) {
            trialInFlight = false;
        }
    }

    public synchronized void failure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }
}
