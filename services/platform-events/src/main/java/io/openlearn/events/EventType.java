package io.openlearn.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One event type of {@code contracts/events.asyncapi.yaml}: its CloudEvents {@code type} (also the routing key on
 * {@code openlearn.events}) and the record its {@code data} is. Producers append a {@code T}; consumers read one.
 *
 * @param name the CloudEvents type, e.g. {@code submission.scored}
 * @param data the record of the payload
 */
public record EventType<T>(String name, Class<T> data) {

    /**
     * The payload of a received event as its record. Every field must be present (JSON {@code null} where the
     * contract allows it), as the contract requires: a missing field would otherwise read as 0 or false. Fields
     * this record does not know are ignored, so a producer may add one before its consumers read it.
     *
     * @throws IllegalArgumentException when the payload is not one of this type (it will not read better on
     *     redelivery)
     */
    public T read(ObjectMapper mapper, JsonNode payload) {
        try {
            return mapper.readerFor(data).with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(payload);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("The data of a " + name + " event is not a " + data.getSimpleName()
                    + ": " + why, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
