package io.openlearn.content.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.content.domain.BlockContent;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;

/** Block content as stored: the same JSON the API speaks, kept as a sub-document. */
@ApplicationScoped
public class BlockCodec {

    private final ObjectMapper json;

    public BlockCodec(ObjectMapper json) {
        this.json = json;
    }

    public Document toDocument(BlockContent content) {
        try {
            return Document.parse(json.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("block content is always serialisable", e);
        }
    }

    public BlockContent fromDocument(Document stored) {
        if (stored == null) {
            return BlockContent.named(null);
        }
        try {
            return json.readValue(stored.toJson(), BlockContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored block content no longer reads: " + e.getMessage(), e);
        }
    }
}
