package io.openlearn.auth.rest;

/** Ends a token request with an RFC 6749 error code. */
public class OAuthException extends RuntimeException {

    private final String error;

    public OAuthException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
