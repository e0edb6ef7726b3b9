package io.openlearn.content.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.content.domain.BlockContent;
import io.openlearn.content.domain.BlockType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** How blocks look on the wire: position fields first, then the content fields, answer keys only when allowed. */
@ApplicationScoped
public class BlockJson {

    private final ObjectMapper json;

    public BlockJson(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode block(String key, BlockType type, String parent, List<String> children, BlockContent content,
            boolean withAnswerKey) {
        ObjectNode node = json.createObjectNode();
        node.put("key", key);
        node.put("type", type.wireName());
        node.put("parent", parent);
        node.set("children", json.valueToTree(children == null ? List.of() : children));
        ObjectNode fields = json.valueToTree(withAnswerKey ? content : content.withoutAnswerKey());
        node.setAll(fields);
        return node;
    }

    /** A tree written as it is read: {@code header} fields, then {@code blocks} in course order. */
    public StreamingOutput tree(Map<String, Object> header, Consumer<Consumer<ObjectNode>> blocks) {
        return out -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.writeStartObject();
                for (Map.Entry<String, Object> field : header.entrySet()) {
                    generator.writeFieldName(field.getKey());
                    json.writeValue(generator, field.getValue());
                }
                generator.writeArrayFieldStart("blocks");
                blocks.accept(node -> write(generator, node));
                generator.writeEndArray();
                generator.writeEndObject();
            }
        };
    }

    private void write(JsonGenerator generator, ObjectNode node) {
        try {
            json.writeTree(generator, node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
