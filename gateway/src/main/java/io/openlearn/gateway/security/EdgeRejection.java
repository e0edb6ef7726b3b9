package io.openlearn.gateway.security;

/** The gateway refuses the caller's credentials; the message is safe to return. */
public class EdgeRejection extends RuntimeException {

    private final int status;

    public EdgeRejection(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
