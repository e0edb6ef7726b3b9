package io.openlearn.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Free-form JSON (an answer, a problem definition) held to the same rule as typed strings: no control character in
 * any text or field name. Jackson's own tree reader builds the tree; this walks it once.
 */
final class PlainJsonNodeDeserializer extends StdDeserializer<JsonNode> {

    private final JsonDeserializer<? extends JsonNode> standard = JsonNodeDeserializer.getDeserializer(JsonNode.class);

    PlainJsonNodeDeserializer() {
        super(JsonNode.class);
    }

    @Override
    public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = standard.deserialize(p, ctxt);
        check(p, node);
        return node;
    }

    @Override
    public JsonNode getNullValue(DeserializationContext ctxt) {
        return NullNode.getInstance();
    }

    private static void check(JsonParser p, JsonNode node) throws JsonMappingException {
        if (node.isTextual()) {
            if (ControlCharacters.containsUnprintable(node.textValue())) {
                throw RefusedValueException.controlCharacter(p);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (ControlCharacters.containsAny(field.getKey())) {
                    // the object that holds the bad name is the place to point at: the name cannot be quoted
                    throw RefusedValueException.controlCharacter(p);
                }
                try {
                    check(p, field.getValue());
                } catch (JsonMappingException e) {
                    e.prependPath(node, field.getKey());
                    throw e;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                try {
                    check(p, node.get(i));
                } catch (JsonMappingException e) {
                    e.prependPath(node, i);
                    throw e;
                }
            }
        }
    }
}
