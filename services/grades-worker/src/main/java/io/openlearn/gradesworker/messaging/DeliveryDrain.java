package io.openlearn.gradesworker.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Graceful stop for the consumers. On SIGTERM (Quarkus' shutdown, before the RabbitMQ connector closes) the worker
 * takes no new delivery and waits, up to {@code quarkus.shutdown.timeout}, for the ones it is handling to commit and
 * be acknowledged. A delivery that arrives meanwhile is left unacknowledged and is not handled: the broker hands it
 * to another replica when this connection closes. What outlives the wait is redelivered too (handling is
 * idempotent), so a stop loses nothing either way; draining spares the redone work and the half-done transactions.
 */
@ApplicationScoped
public class DeliveryDrain {

    private static final Logger LOG = Logger.getLogger(DeliveryDrain.class);

    private final Duration timeout;
    private int inFlight;
    private boolean draining;

    public DeliveryDrain(@ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "20s") Duration timeout) {
        this.timeout = timeout;
    }

    /** @return false once draining: leave the delivery unacknowledged */
    public synchronized boolean enter() {
        if (draining) {
            return false;
        }
        inFlight++;
        return true;
    }

    public synchronized void exit() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        int left = drain(timeout);
        if (left > 0) {
            LOG.warnf("Stopping with %d deliveries still being handled after %s; the broker redelivers them", left,
                    timeout);
        }
    }

    /** Stops taking deliveries and waits for those in hand; returns how many are still in hand. */
    synchronized int drain(Duration wait) {
        draining = true;
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (long left = wait.toMillis(); inFlight > 0 && left > 0; left = (deadline - System.nanoTime())
                    / 1_000_000) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return inFlight;
    }
}
