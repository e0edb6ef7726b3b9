package io.openlearn.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string holding a control character; the path to the field is added as the exception unwinds. */
public final class ControlCharacterException extends MismatchedInputException {

    ControlCharacterException(JsonParser parser) {
        super(parser, "control character in a string", String.class);
    }
}
