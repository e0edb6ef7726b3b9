package io.openlearn.gradesworker.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryDrainTest {

    @Test
    void drainingWaitsForTheDeliveryInHandAndTakesNoNewOne() throws Exception {
        DeliveryDrain drain = new DeliveryDrain(Duration.ofSeconds(5));
        assertTrue(drain.enter());
        CountDownLatch draining = new CountDownLatch(1);
        Thread handler = new Thread(() -> {
            try {
                draining.await(5, TimeUnit.SECONDS);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            drain.exit();
        });
        handler.start();
        long started = System.nanoTime();
        CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(() -> drain.drain(Duration.ofSeconds(5)));
        draining.countDown();
        assertEquals(0, stopped.get(5, TimeUnit.SECONDS), "nothing left in hand");
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMillis >= 100, "drain returned before the delivery was done: " + waitedMillis + " ms");
        assertFalse(drain.enter(), "no delivery is taken once draining");
    }

    @Test
    void aDeliveryOutlivingTheWaitIsLeftToTheBroker() {
        DeliveryDrain drain = new DeliveryDrain(Duration.ofSeconds(5));
        assertTrue(drain.enter());
        assertTrue(drain.enter());
        drain.exit();
        assertEquals(1, drain.drain(Duration.ofMillis(50)), "one still in hand when the wait runs out");
    }
}
