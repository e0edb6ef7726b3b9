package io.openlearn.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Instants only from ISO-8601 strings, as every contract declares them ({@code format: date-time}). Jackson would
 * also read a number as seconds since the epoch, so {@code "start": 5} became 1970-01-01T00:00:05Z.
 */
final class TextualInstantDeserializer extends StdScalarDeserializer<Instant> {

    TextualInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        if (p.getText().isBlank()) {
            // Jackson would read "" as null, which for an optional date means "clear it"
            throw new RefusedValueException(p, Instant.class,
                    "must be an ISO-8601 date-time with an offset, such as 2026-09-01T12:00:00Z");
        }
        return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
}
