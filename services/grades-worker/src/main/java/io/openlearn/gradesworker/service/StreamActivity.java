package io.openlearn.gradesworker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How many STREAM events this process is grading right now. Where STREAM and BATCH share a process (and its
 * cores and database connections), a BATCH slice starts only in a moment without STREAM work, or after a bounded
 * wait, and grades one slice at a time while STREAM is busy, so a learner's grade does not queue behind an
 * instructor's regrade and a regrade still moves on under a steady STREAM.
 */
@ApplicationScoped
public class StreamActivity {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quiet = lock.newCondition();
    private int inFlight;
    private long lastEnded = System.nanoTime() - Duration.ofDays(1).toNanos();

    public <T> T track(Supplier<T> work) {
        change(1);
        try {
            return work.get();
        } finally {
            change(-1);
        }
    }

    /** @return true when STREAM was (or became) idle, false when the wait ran out first */
    public boolean awaitQuiet(Duration maxWait) {
        long left = maxWait.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (left <= 0) {
                    return false;
                }
                left = quiet.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a STREAM event is being graded now or was within the given time. */
    public boolean activeWithin(Duration recently) {
        lock.lock();
        try {
            return inFlight > 0 || System.nanoTime() - lastEnded < recently.toNanos();
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    private void change(int by) {
        lock.lock();
        try {
            inFlight += by;
            if (by < 0) {
                lastEnded = System.nanoTime();
            }
            if (inFlight == 0) {
                quiet.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
