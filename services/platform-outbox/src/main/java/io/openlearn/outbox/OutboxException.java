package io.openlearn.outbox;

/** The outbox could not store an event; thrown inside the business transaction, which then rolls back. */
public class OutboxException extends RuntimeException {

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
