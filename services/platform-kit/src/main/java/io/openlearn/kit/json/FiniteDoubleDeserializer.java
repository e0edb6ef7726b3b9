package io.openlearn.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Numbers only from JSON numbers, and only finite ones: {@code 1e400} parses as Infinity, which would be stored as a
 * score and break every sum it enters.
 */
final class FiniteDoubleDeserializer extends StdScalarDeserializer<Double> {

    private final boolean primitive;

    FiniteDoubleDeserializer(boolean primitive) {
        super(Double.class);
        this.primitive = primitive;
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return (Double) ctxt.handleUnexpectedToken(primitive ? double.class : Double.class, p);
        }
        double value = p.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw new RefusedValueException(p, Double.class, "must be a finite number");
        }
        return value;
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
        return primitive ? 0.0 : null;
    }
}
