package io.openlearn.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.testkit.EventSchemas;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records are the payloads {@code contracts/events.asyncapi.yaml} declares, field for field: the same names, every
 * field required, JSON types that fit the Java types, null only where the contract allows it, the same enum values;
 * and a record serialised as the services serialise it is a valid message of its type.
 */
class EventContractTest {

    private static final EventSchemas CONTRACT = EventSchemas.platform();
    /** As the services' Quarkus mapper writes: ISO-8601 times, nulls written. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<EventType<?>> types() {
        return Events.ALL.stream();
    }

    @Test
    void everyTypeTheContractDeclaresHasARecordAndNoRecordIsUndeclared() {
        assertEquals(new TreeSet<>(CONTRACT.types()),
                Events.ALL.stream().map(EventType::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void recordComponentsAreTheSchemaPropertiesAndAllAreRequired(EventType<?> type) {
        JsonNode schema = CONTRACT.dataSchema(type.name());
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Set<String> components = Arrays.stream(type.data().getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(properties, components, "the fields of " + type.data().getSimpleName());
        assertEquals(properties, required, "every field of " + type + " is required");
        assertFalse(schema.path("additionalProperties").asBoolean(true), type + " forbids other fields");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void everyComponentHasAJavaTypeThatFitsItsSchema(EventType<?> type) {
        JsonNode properties = CONTRACT.dataSchema(type.name()).path("properties");
        for (RecordComponent component : type.data().getRecordComponents()) {
            JsonNode schema = resolve(properties.path(component.getName()));
            Set<String> jsonTypes = jsonTypes(schema);
            Class<?> java = component.getType();
            String where = type + "." + component.getName();
            if (java.isPrimitive()) {
                assertFalse(jsonTypes.contains("null"), where + " may be null but is " + java);
            } else {
                assertTrue(jsonTypes.contains("null") || !isBoxed(java), where + " is boxed but may not be null");
            }
            jsonTypes.remove("null");
            if (jsonTypes.isEmpty()) {
                assertFalse(java.isPrimitive(), where + " is always null");
                continue;
            }
            assertEquals(1, jsonTypes.size(), where + " has one JSON type besides null: " + jsonTypes);
            String json = jsonTypes.iterator().next();
            assertTrue(fits(json, java), where + ": " + java.getSimpleName() + " cannot be JSON " + json);
            if (java.isEnum()) {
                Set<String> values = Arrays.stream(java.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(enumValues(schema), values, where + ": the enum's values");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void aRecordAsTheServicesWriteItIsAValidMessage(EventType<?> type) {
        Object sample = sample(type);
        ObjectNode envelope = envelope(type, sample);
        CONTRACT.assertValid(envelope);
        assertEquals(sample, type.read(JSON, envelope.path("data")), "the record reads back as written");
    }

    @Test
    void aMessageThatBreaksItsSchemaIsReportedNamingWhatIsWrong() {
        ObjectNode envelope = envelope(Events.ENROLLMENT_CHANGED, sample(Events.ENROLLMENT_CHANGED));
        ((ObjectNode) envelope.path("data")).put("mode", "gold");
        ((ObjectNode) envelope.path("data")).put("userId", "not-a-uuid");
        envelope.put("source", "/openlearn/grades");
        String violations = String.join("\n", CONTRACT.violations(Events.ENROLLMENT_CHANGED.name(), envelope));
        assertTrue(violations.contains("mode") && violations.contains("userId") && violations.contains("source"),
                violations);
        assertThrows(AssertionError.class, () -> CONTRACT.assertValid(envelope));
    }

    private static ObjectNode envelope(EventType<?> type, Object sample) {
        JsonNode data = JSON.valueToTree(sample);
        return CONTRACT.envelope(UUID.randomUUID(), type.name(), CONTRACT.subjectOf(type.name(), data), Instant.now(),
                data);
    }

    @Test
    void aPayloadMissingAFieldIsRefusedRatherThanReadAsZero() {
        ObjectNode data = JSON.valueToTree(sample(Events.COURSE_GRADING_POLICY_CHANGED));
        data.remove("policyVersion");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Events.COURSE_GRADING_POLICY_CHANGED.read(JSON, data));
        assertTrue(refused.getMessage().contains("policyVersion"), refused.getMessage());
    }

    @Test
    void aFieldTheRecordDoesNotKnowIsIgnoredSoProducersMayAddOne() {
        ObjectNode data = JSON.valueToTree(sample(Events.COURSE_GRADING_POLICY_CHANGED));
        data.put("addedLater", true);
        assertEquals("course-v1:Org+Num+Run", Events.COURSE_GRADING_POLICY_CHANGED.read(JSON, data).courseKey());
    }

    /** A value of each component that the contract accepts (its const or first enum value where it has one). */
    private static Object sample(EventType<?> type) {
        JsonNode properties = CONTRACT.dataSchema(type.name()).path("properties");
        RecordComponent[] components = type.data().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] classes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            classes[i] = components[i].getType();
            values[i] = value(components[i].getType(), resolve(properties.path(components[i].getName())));
        }
        try {
            return type.data().getDeclaredConstructor(classes).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Cannot build a " + type.data().getSimpleName(), e);
        }
    }

    private static Object value(Class<?> java, JsonNode schema) {
        JsonNode constant = schema.path("const");
        if (java == String.class) {
            if (constant.isTextual()) {
                return constant.asText();
            }
            List<String> values = new ArrayList<>(enumValues(schema));
            values.remove("null");
            if (!values.isEmpty()) {
                return values.get(0);
            }
            return schema.path("pattern").asText().startsWith("^course-v1:") ? "course-v1:Org+Num+Run" : "text";
        }
        if (java == UUID.class) {
            return jsonTypes(schema).contains("string") ? UUID.randomUUID() : null;
        }
        if (java == Instant.class) {
            return Instant.parse("2026-11-26T18:23:05.767Z");
        }
        if (java.isEnum()) {
            return java.getEnumConstants()[0];
        }
        if (java == boolean.class || java == Boolean.class) {
            return Boolean.TRUE;
        }
        long number = constant.isNumber() ? constant.asLong() : Math.max(1, minimum(schema));
        if (java == int.class || java == Integer.class) {
            return (int) number;
        }
        if (java == long.class || java == Long.class) {
            return number;
        }
        if (java == double.class || java == Double.class) {
            return (double) number;
        }
        throw new AssertionError("No sample for " + java);
    }

    /** The schema's {@code minimum}, or that of its first {@code oneOf} alternative that has one; 1 for none. */
    private static long minimum(JsonNode schema) {
        if (schema.has("minimum")) {
            return schema.path("minimum").asLong();
        }
        for (JsonNode alternative : schema.path("oneOf")) {
            JsonNode resolved = resolve(alternative);
            if (resolved.has("minimum")) {
                return resolved.path("minimum").asLong();
            }
        }
        return 1;
    }

    private static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        if (ref.isEmpty()) {
            return schema;
        }
        return resolve(CONTRACT.component(ref));
    }

    /** The JSON types a schema allows, following {@code oneOf} alternatives and {@code $ref}s. */
    private static Set<String> jsonTypes(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        schema.path("oneOf").forEach(alternative -> types.addAll(jsonTypes(resolve(alternative))));
        if (types.isEmpty() && schema.path("const").isTextual()) {
            types.add("string");
        }
        if (types.isEmpty() && schema.path("const").isNumber()) {
            types.add("number");
        }
        return types;
    }

    private static Set<String> enumValues(JsonNode schema) {
        Set<String> values = new TreeSet<>();
        schema.path("enum").forEach(v -> values.add(v.asText()));
        schema.path("oneOf").forEach(alternative -> values.addAll(enumValues(resolve(alternative))));
        return values;
    }

    private static boolean fits(String json, Class<?> java) {
        return switch (json) {
            case "string" -> java == String.class || java == UUID.class || java == Instant.class || java.isEnum();
            case "integer" -> java == int.class || java == long.class || java == Integer.class || java == Long.class;
            case "number" -> java == double.class || java == Double.class;
            case "boolean" -> java == boolean.class || java == Boolean.class;
            default -> false;
        };
    }

    private static boolean isBoxed(Class<?> java) {
        return java == Integer.class || java == Long.class || java == Double.class || java == Boolean.class;
    }

}
