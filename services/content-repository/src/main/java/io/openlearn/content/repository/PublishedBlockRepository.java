package io.openlearn.content.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.openlearn.content.domain.BlockContent;
import io.openlearn.content.domain.BlockType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

/**
 * The blocks of published versions, never changed once written: one collection per course, one document per block
 * and publication, {@code _id = <publishId>/<position in course order>}, so a version reads back in course order
 * by a range on {@code _id} alone.
 */
@ApplicationScoped
public class PublishedBlockRepository {

    private static final int BATCH = 1_000;

    private final MongoDatabase db;
    private final BlockCodec codec;

    public PublishedBlockRepository(MongoClient mongo,
                                    @ConfigProperty(name = "quarkus.mongodb.database") String database,
                                    BlockCodec codec) {
        this.db = mongo.getDatabase(database);
        this.codec = codec;
    }

    /** One block of a published version, in course order. */
    public record PublishedBlock(int position, String key, BlockType type, String parent, int depth,
                                 List<String> children, BlockContent content) {
    }

    /** Buffers documents and writes them a thousand at a time, so a large course never sits in memory whole. */
    public final class Writer {
        private final MongoCollection<Document> blocks;
        private final String publishId;
        private final List<Document> batch = new ArrayList<>(BATCH);
        private int written;

        private Writer(String courseKey, String publishId) {
            this.blocks = collection(courseKey);
            this.publishId = publishId;
        }

        public void add(PublishedBlock block) {
            batch.add(new Document("_id", id(publishId, block.position())).append("publishId", publishId)
                    .append("key", block.key()).append("type", block.type().wireName())
                    .append("parent", block.parent()).append("depth", block.depth())
                    .append("children", block.children()).append("content", codec.toDocument(block.content())));
            if (batch.size() == BATCH) {
                flush();
            }
        }

        public int finish() {
            flush();
            return written;
        }

        private void flush() {
            if (!batch.isEmpty()) {
                blocks.insertMany(batch, new InsertManyOptions().ordered(false));
                written += batch.size();
                batch.clear();
            }
        }
    }

    public Writer writer(String courseKey, String publishId) {
        // idempotent; serves the problem lookups of submission by (publishId, key)
        collection(courseKey).createIndex(com.mongodb.client.model.Indexes.ascending("publishId", "key"),
                new com.mongodb.client.model.IndexOptions().name("publish_key"));
        return new Writer(courseKey, publishId);
    }

    /** Removes what a publish that lost its race (or failed midway) wrote. */
    public void deleteAttempt(String courseKey, String publishId) {
        collection(courseKey).deleteMany(eq("publishId", publishId));
    }

    public void forEachInOrder(String courseKey, String publishId, Consumer<PublishedBlock> consumer) {
        iterateInOrder(courseKey, publishId).forEachRemaining(consumer);
    }

    /** The version's blocks in course order, read lazily from a cursor (exhausting it closes it). */
    public java.util.Iterator<PublishedBlock> iterateInOrder(String courseKey, String publishId) {
        return collection(courseKey).find(and(gte("_id", publishId + "/"), lt("_id", publishId + "0")))
                .sort(Sorts.ascending("_id")).batchSize(BATCH).map(this::toBlock).iterator();
    }

    public Optional<PublishedBlock> find(String courseKey, String publishId, String key) {
        return Optional.ofNullable(collection(courseKey).find(and(eq("publishId", publishId), eq("key", key))).first())
                .map(this::toBlock);
    }

    private MongoCollection<Document> collection(String courseKey) {
        return db.getCollection("published." + courseKey);
    }

    private static String id(String publishId, int position) {
        // zero-padded so that string order is course order
        return publishId + "/" + String.format("%08d", position);
    }

    private PublishedBlock toBlock(Document d) {
        String id = d.getString("_id");
        return new PublishedBlock(Integer.parseInt(id.substring(id.indexOf('/') + 1)), d.getString("key"),
                BlockType.fromWire(d.getString("type")), d.getString("parent"), d.getInteger("depth", 0),
                d.getList("children", String.class, List.of()), codec.fromDocument(d.get("content", Document.class)));
    }
}
