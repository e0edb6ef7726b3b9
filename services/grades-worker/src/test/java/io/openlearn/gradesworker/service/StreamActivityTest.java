package io.openlearn.gradesworker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamActivityTest {

    private final StreamActivity activity = new StreamActivity();

    @Test
    void batchDoesNotWaitWhenNoStreamEventIsBeingGraded() {
        assertTrue(activity.awaitQuiet(Duration.ZERO));
    }

    @Test
    void batchWaitsForTheStreamEventInFlightAndGoesOnWhenItEnds() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> grading = CompletableFuture.supplyAsync(() -> activity.track(() -> {
            started.countDown();
            await(release);
            return "graded";
        }));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertEquals(1, activity.inFlight());

        CompletableFuture<Boolean> slice =
                CompletableFuture.supplyAsync(() -> activity.awaitQuiet(Duration.ofSeconds(30)));
        assertFalse(slice.isDone(), "the slice starts only once STREAM is idle");
        release.countDown();

        assertEquals("graded", grading.get(5, TimeUnit.SECONDS));
        assertTrue(slice.get(5, TimeUnit.SECONDS), "the slice went on as soon as the STREAM event was graded");
        assertEquals(0, activity.inFlight());
    }

    @Test
    void underSteadyStreamWorkABatchSliceStartsAfterTheBoundedWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> grading = CompletableFuture.supplyAsync(() -> activity.track(() -> await(release)));
        while (activity.inFlight() == 0) {
            Thread.onSpinWait();
        }
        assertFalse(activity.awaitQuiet(Duration.ofMillis(50)), "the wait ran out; the slice starts anyway");
        release.countDown();
        grading.get(5, TimeUnit.SECONDS);
    }

    @Test
    void streamCountsAsActiveWhileGradingAndForTheGivenTimeAfter() throws Exception {
        assertFalse(activity.activeWithin(Duration.ofSeconds(1)), "nothing graded yet");
        assertTrue(activity.track(() -> activity.activeWithin(Duration.ZERO)), "grading now");
        assertTrue(activity.activeWithin(Duration.ofSeconds(10)), "graded a moment ago");
        Thread.sleep(20);
        assertFalse(activity.activeWithin(Duration.ofMillis(10)), "idle for longer than 10 ms");
    }

    @Test
    void aFailingStreamEventStillLeavesTheCount() {
        try {
            activity.track(() -> {
                throw new IllegalStateException("database down");
            });
        } catch (IllegalStateException expected) {
            // the consumer sends it back to the queue
        }
        assertEquals(0, activity.inFlight());
        assertTrue(activity.awaitQuiet(Duration.ZERO));
    }

    private static Object await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
