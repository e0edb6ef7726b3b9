package io.openlearn.kit.client;

/** A service answered 5xx: retried where the call is idempotent, counted by the circuit breaker, then a 502. */
public class UpstreamFailed extends RuntimeException {

    private final int status;

    public UpstreamFailed(int status) {
        super("answered " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
