package io.openlearn.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that the platform refuses anyway (a control character in a string, a number too
 * large to be finite), with what the caller should read about it; the path to the field is added as the exception
 * unwinds.
 */
public final class RefusedValueException extends MismatchedInputException {

    private final String reason;

    RefusedValueException(JsonParser parser, Class<?> type, String reason) {
        super(parser, reason, type);
        this.reason = reason;
    }

    static RefusedValueException controlCharacter(JsonParser parser) {
        return new RefusedValueException(parser, String.class, "must not contain control characters");
    }

    /** What is wrong with the value, as a field error's message. */
    public String reason() {
        return reason;
    }
}
