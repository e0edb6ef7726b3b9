package io.openlearn.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Reads request bodies as strictly as the contracts describe them (every schema is {@code additionalProperties:
 * false}, every field typed): an unknown field, a repeated key, a number sent as a string or the other way round, a
 * fraction for an integer or a control character in a string is refused, never guessed at. (Null for a primitive
 * stays its default: Jackson would refuse an omitted optional primitive along with it.)
 * A repeated key is the dangerous one: two readers of the same body could each take a different value.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("openlearn-strict-strings")
                .addDeserializer(String.class, new PlainStringDeserializer())
                .addDeserializer(JsonNode.class, new PlainJsonNodeDeserializer())
                .addDeserializer(Instant.class, new TextualInstantDeserializer())
                .addDeserializer(Double.class, new FiniteDoubleDeserializer(false))
                .addDeserializer(double.class, new FiniteDoubleDeserializer(true)));
    }

    @Override
    public int priority() {
        // after Quarkus' own customizer, which applies quarkus.jackson.* (fail-on-unknown-properties among them)
        return MINIMUM_PRIORITY;
    }
}
