package io.openlearn.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void requestsTheGatewayRefusedItselfNeitherCountNorResetTheFailures() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);
        breaker.failure();
        breaker.failure();
        breaker.skipped();
        breaker.failure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "two failures, a refusal, a failure: three in a row");
    }

    @Test
    void aSkippedTrialFreesTheHalfOpenSlotForTheNextRequest() {
        CircuitBreaker breaker = new CircuitBreaker(1, Duration.ofSeconds(10), clock);
        breaker.failure();
        now = now.plusSeconds(11);
        assertTrue(breaker.refusal().isEmpty(), "the trial");
        assertTrue(breaker.refusal().isPresent(), "one trial at a time");
        breaker.skipped();
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.refusal().isEmpty(), "the next request is the trial");
        breaker.success();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }
}
