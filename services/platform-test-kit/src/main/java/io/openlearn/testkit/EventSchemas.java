package io.openlearn.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The events of {@code contracts/events.asyncapi.yaml} as JSON Schemas: every channel's message (the CloudEvents
 * envelope with its {@code data}) is checked as the document declares it, the component schemas resolved from the
 * same document. Tests that see a published event ({@link EventTap}) or publish one themselves check it here, so a
 * payload that drifts from the contract fails a test, not a consumer in production.
 */
public final class EventSchemas {

    private static final Map<Path, EventSchemas> LOADED = new ConcurrentHashMap<>();

    private final JsonNode document;
    private final Map<String, JsonSchema> envelopes;

    private EventSchemas(JsonNode document) {
        this.document = document;
        this.envelopes = compile(document);
    }

    /** The document under {@code openlearn.contracts.dir} (set by the build for every module's tests). */
    public static EventSchemas platform() {
        Path file = Path.of(System.getProperty("openlearn.contracts.dir", "contracts"), "events.asyncapi.yaml")
                .toAbsolutePath().normalize();
        return LOADED.computeIfAbsent(file, EventSchemas::load);
    }

    private static EventSchemas load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The event contract " + file + " is missing");
        }
        try {
            return new EventSchemas(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Every event type the document declares (its channels, which are the routing keys). */
    public Set<String> types() {
        return envelopes.keySet();
    }

    /** The component schema of a type's {@code data}, e.g. the node of {@code EnrollmentChangedData}. */
    public JsonNode dataSchema(String type) {
        JsonNode data = envelopePart(type).path("properties").path("data");
        String ref = data.path("$ref").asText();
        if (!ref.startsWith("#/components/schemas/")) {
            throw new IllegalStateException("The data of " + type + " is not a component schema: " + data);
        }
        return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
    }

    /** The node a local reference such as {@code #/components/schemas/CourseKey} points at. */
    public JsonNode component(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("not a reference inside the document: " + ref);
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("The event contract has no " + ref);
        }
        return target;
    }

    /** The {@code source} the contract fixes for a type's messages (its producer), e.g. {@code /openlearn/grades}. */
    public String source(String type) {
        return envelopePart(type).path("properties").path("source").path("const").asText();
    }

    /**
     * The {@code subject} a producer gives a message of this type with this {@code data}: the learner's
     * {@code userId} where the contract's subject is a user id (format uuid), else the {@code courseKey}.
     */
    public String subjectOf(String type, JsonNode data) {
        boolean aboutLearner = "uuid".equals(envelopePart(type).path("properties").path("subject").path("format")
                .asText());
        return data.path(aboutLearner ? "userId" : "courseKey").asText();
    }

    /**
     * The message body a type's producer would send with this {@code data} (structured CloudEvent, the contract's
     * {@code source}), not yet checked: tests check it with {@link #assertValid} or break it on purpose first.
     */
    public ObjectNode envelope(UUID id, String type, String subject, Instant time, JsonNode data) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", id.toString());
        envelope.put("source", source(type));
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", time.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.set("data", data);
        return envelope;
    }

    /** The contract's complaints about one message body of {@code type}; empty when it conforms. */
    public Set<String> violations(String type, JsonNode envelope) {
        JsonSchema schema = envelopes.get(type);
        if (schema == null) {
            return Set.of("the contract declares no event type " + type);
        }
        return schema.validate(envelope).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Fails with the contract's complaints unless {@code envelope} is a valid message of its own {@code type}. */
    public void assertValid(JsonNode envelope) {
        String type = envelope.path("type").asText();
        Set<String> violations = violations(type, envelope);
        if (!violations.isEmpty()) {
            throw new AssertionError("A " + type + " event does not match contracts/events.asyncapi.yaml: "
                    + violations + "\n" + envelope);
        }
    }

    /** The second part of the message's {@code allOf}: what the type adds to the common envelope. */
    private JsonNode envelopePart(String type) {
        JsonNode payload = message(document, type).orElseThrow(
                () -> new IllegalArgumentException("the contract declares no event type " + type)).path("payload");
        for (JsonNode part : payload.path("allOf")) {
            if (part.has("properties")) {
                return part;
            }
        }
        throw new IllegalStateException("The message of " + type + " adds nothing to the envelope");
    }

    private static Optional<JsonNode> message(JsonNode document, String type) {
        JsonNode channel = document.path("channels").path(type);
        String ref = channel.path("subscribe").path("message").path("$ref").asText();
        if (!ref.startsWith("#/components/messages/")) {
            return Optional.empty();
        }
        JsonNode message = document.path("components").path("messages")
                .path(ref.substring("#/components/messages/".length()));
        return message.isMissingNode() ? Optional.empty() : Optional.of(message);
    }

    /**
     * One schema per channel: the message's payload, with the document's {@code components} copied alongside so
     * that its {@code #/components/schemas/...} references resolve inside the schema itself.
     */
    private static Map<String, JsonSchema> compile(JsonNode document) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<String, JsonSchema> schemas = new LinkedHashMap<>();
        for (Iterator<String> channels = document.path("channels").fieldNames(); channels.hasNext();) {
            String type = channels.next();
            JsonNode message = message(document, type).orElseThrow(
                    () -> new IllegalStateException("Channel " + type + " has no message in components"));
            ObjectNode schema = message.path("payload").deepCopy();
            schema.set("components", document.path("components").deepCopy());
            schemas.put(type, factory.getSchema(schema, config));
        }
        return Map.copyOf(schemas);
    }
}
