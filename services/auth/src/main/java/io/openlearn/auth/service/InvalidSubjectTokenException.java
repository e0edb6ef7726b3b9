package io.openlearn.auth.service;

/** The token offered for exchange is not one this platform accepts; the reason is safe to show the caller. */
public class InvalidSubjectTokenException extends RuntimeException {

    public InvalidSubjectTokenException(String reason) {
        super(reason, null, false, false);
    }
}
