package io.openlearn.kit.client;

/**
 * A service answered 4xx: the request is wrong for it (or the thing does not exist). Never retried, and never counted
 * as a failure by a circuit breaker: the dependency is healthy. {@link Upstream} maps it to the caller's meaning.
 */
public class UpstreamRefused extends RuntimeException {

    private final int status;

    public UpstreamRefused(int status) {
        super("answered " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
