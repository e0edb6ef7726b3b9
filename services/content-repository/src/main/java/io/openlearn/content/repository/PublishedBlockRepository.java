package io.openlearn.content.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.openlearn.content.domain.BlockContent;
import io.openlearn.content.domain.BlockType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The blocks of published versions, never changed once written, in one collection per course. Blocks are stored
 * in chunks of {@value #CHUNK} consecutive positions in course order, one document per chunk: a publish writes a
 * few dozen documents instead of one per block (per-document cost dominates MongoDB writes, and more so the local
 * stand-in's), and a version reads back in course order by a range on {@code _id} alone. Blocks arrive in storage
 * order; a chunk is written as soon as it is complete, and when too many incomplete chunks are held, they are
 * written as parts of their chunk, so memory stays bounded whatever the order.
 */
@ApplicationScoped
public class PublishedBlockRepository {

    static final int CHUNK = 256;
    static final int MAX_BUFFERED = 4_096;
    private static final int WRITE_BATCH = 16;

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

    /** Groups blocks into chunk documents as they come, in whatever order. */
    public final class Writer {
        private final MongoCollection<Document> chunks;
        private final String publishId;
        private final int total;
        private final Map<Integer, List<Document>> open = new HashMap<>();
        private final Map<Integer, Integer> partsWritten = new HashMap<>();
        private final Map<Integer, Integer> writtenIn = new HashMap<>();
        private final List<Document> pending = new ArrayList<>(WRITE_BATCH);
        private int buffered;
        private int written;

        private Writer(String courseKey, String publishId, int total) {
            this.chunks = collection(courseKey);
            this.publishId = publishId;
            this.total = total;
        }

        public void add(PublishedBlock block) {
            int chunk = block.position() / CHUNK;
            List<Document> blocks = open.computeIfAbsent(chunk, c -> new ArrayList<>());
            blocks.add(new Document("pos", block.position()).append("key", block.key())
                    .append("type", block.type().wireName()).append("parent", block.parent())
                    .append("depth", block.depth()).append("children", block.children())
                    .append("content", codec.toDocument(block.content())));
            buffered++;
            if (blocks.size() + writtenIn.getOrDefault(chunk, 0) == expected(chunk)) {
                emit(chunk);
            } else if (buffered >= MAX_BUFFERED) {
                for (Integer partial : List.copyOf(open.keySet())) {
                    emit(partial);
                }
            }
        }

        /** Writes what is left; returns how many blocks were written. */
        public int finish() {
            for (Integer partial : List.copyOf(open.keySet())) {
                emit(partial);
            }
            flush();
            return written;
        }

        private int expected(int chunk) {
            return Math.min(CHUNK, total - chunk * CHUNK);
        }

        private void emit(int chunk) {
            List<Document> blocks = open.remove(chunk);
            if (blocks == null || blocks.isEmpty()) {
                return;
            }
            int part = partsWritten.merge(chunk, 1, Integer::sum) - 1;
            writtenIn.merge(chunk, blocks.size(), Integer::sum);
            List<String> keys = blocks.stream().map(d -> d.getString("key")).toList();
            pending.add(new Document("_id", id(publishId, chunk, part)).append("publishId", publishId)
                    .append("keys", keys).append("blocks", blocks));
            buffered -= blocks.size();
            written += blocks.size();
            if (pending.size() == WRITE_BATCH) {
                flush();
            }
        }

        private void flush() {
            if (!pending.isEmpty()) {
                chunks.insertMany(pending, new InsertManyOptions().ordered(false));
                pending.clear();
            }
        }
    }

    /** A writer for {@code total} blocks (positions 0 to total - 1). */
    public Writer writer(String courseKey, String publishId, int total) {
        // idempotent; serves single-block reads (submission's problem lookups) by (publishId, key)
        collection(courseKey).createIndex(Indexes.ascending("publishId", "keys"),
                new IndexOptions().name("publish_keys"));
        return new Writer(courseKey, publishId, total);
    }

    /** Removes what a publish that lost its race (or failed midway) wrote. */
    public void deleteAttempt(String courseKey, String publishId) {
        collection(courseKey).deleteMany(eq("publishId", publishId));
    }

    public void forEachInOrder(String courseKey, String publishId, Consumer<PublishedBlock> consumer) {
        iterateInOrder(courseKey, publishId).forEachRemaining(consumer);
    }

    /** The version's blocks in course order, one chunk in memory at a time. */
    public Iterator<PublishedBlock> iterateInOrder(String courseKey, String publishId) {
        MongoCursor<Document> cursor = collection(courseKey)
                .find(and(gte("_id", publishId + "/"), lt("_id", publishId + "0")))
                .sort(Sorts.ascending("_id")).batchSize(4).iterator();
        return new InOrder(cursor);
    }

    public Optional<PublishedBlock> find(String courseKey, String publishId, String key) {
        for (Document chunk : collection(courseKey).find(and(eq("publishId", publishId), eq("keys", key)))) {
            for (Document block : chunk.getList("blocks", Document.class)) {
                if (key.equals(block.getString("key"))) {
                    return Optional.of(toBlock(block));
                }
            }
        }
        return Optional.empty();
    }

    private MongoCollection<Document> collection(String courseKey) {
        return db.getCollection("published." + courseKey);
    }

    private static String id(String publishId, int chunk, int part) {
        // zero-padded so that string order is course order, then part order within a chunk
        return publishId + "/" + String.format("%07d/%04d", chunk, part);
    }

    private static int chunkOf(Document chunk) {
        String id = chunk.getString("_id");
        int slash = id.indexOf('/');
        return Integer.parseInt(id.substring(slash + 1, id.indexOf('/', slash + 1)));
    }

    private PublishedBlock toBlock(Document d) {
        return new PublishedBlock(d.getInteger("pos"), d.getString("key"), BlockType.fromWire(d.getString("type")),
                d.getString("parent"), d.getInteger("depth", 0), d.getList("children", String.class, List.of()),
                codec.fromDocument(d.get("content", Document.class)));
    }

    /** Gathers the parts of each chunk, sorts the chunk by position, hands out its blocks. */
    private final class InOrder implements Iterator<PublishedBlock> {
        private final MongoCursor<Document> cursor;
        private final Deque<Document> ready = new ArrayDeque<>();
        private Document lookahead;

        InOrder(MongoCursor<Document> cursor) {
            this.cursor = cursor;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty()) {
                fill();
            }
            return !ready.isEmpty();
        }

        @Override
        public PublishedBlock next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return toBlock(ready.poll());
        }

        private void fill() {
            Document first = lookahead != null ? lookahead : (cursor.hasNext() ? cursor.next() : null);
            lookahead = null;
            if (first == null) {
                cursor.close();
                return;
            }
            int chunk = chunkOf(first);
            List<Document> blocks = new ArrayList<>(first.getList("blocks", Document.class));
            while (cursor.hasNext()) {
                Document part = cursor.next();
                if (chunkOf(part) != chunk) {
                    lookahead = part;
                    break;
                }
                blocks.addAll(part.getList("blocks", Document.class));
            }
            blocks.sort(Comparator.comparingInt(d -> d.getInteger("pos")));
            ready.addAll(blocks);
        }
    }
}
