package io.openlearn.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Strings only from JSON strings, and without control characters other than tab and line breaks. PostgreSQL cannot
 * store a NUL at all, and no identifier, key or name on this platform has any use for one, so they are refused where
 * they enter rather than failing deep inside a transaction.
 */
final class PlainStringDeserializer extends StdScalarDeserializer<String> {

    PlainStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        String text = p.getText();
        if (ControlCharacters.containsUnprintable(text)) {
            throw RefusedValueException.controlCharacter(p);
        }
        return text;
    }
}
