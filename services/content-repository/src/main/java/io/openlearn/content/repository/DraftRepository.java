package io.openlearn.content.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.openlearn.content.domain.BlockContent;
import io.openlearn.content.domain.BlockType;
import io.openlearn.content.domain.DraftBlock;
import io.openlearn.content.domain.UsageKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Draft blocks, one document each, in one collection per course and draft generation. Every edit is a
 * single-document write conditioned on the block's revision, so it runs on any MongoDB (and the stand-in) without
 * transactions. Replacing a whole draft (discard, import) fills a new generation and then switches the course's
 * head document to it in one atomic update: readers see the old draft or the new one, never half of either.
 */
@ApplicationScoped
public class DraftRepository {

    static final String HEADS = "course_drafts";
    private static final int BATCH = 1_000;

    private final MongoDatabase db;
    private final MongoCollection<Document> heads;
    private final BlockCodec codec;

    public DraftRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            BlockCodec codec) {
        this.db = mongo.getDatabase(database);
        this.heads = db.getCollection(HEADS);
        this.codec = codec;
    }

    /** A course's current draft: which generation is live, and its collection. */
    public record Draft(String courseKey, int generation, MongoCollection<Document> blocks) {
    }

    /** The live draft of a course, made (with its root block) on first use. */
    public Draft open(String courseKey) {
        Document head = heads.find(eq("_id", courseKey)).first();
        if (head == null) {
            try {
                heads.insertOne(new Document("_id", courseKey).append("generation", 1)
                        .append("collection", collectionName(courseKey)).append("createdAt", new Date()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            head = heads.find(eq("_id", courseKey)).first();
        }
        Draft draft = draft(courseKey, head);
        String root = UsageKey.root(courseKey).toString();
        if (draft.blocks().find(eq("_id", root)).first() == null) {
            insertIgnoringDuplicate(draft, new DraftBlock(root, BlockType.COURSE, null, "", 1,
                    BlockContent.named(courseKey)));
        }
        return draft;
    }

    /** The live draft if the course has one; nothing is created. */
    public Optional<Draft> existing(String courseKey) {
        Document head = heads.find(eq("_id", courseKey)).first();
        return head == null ? Optional.empty() : Optional.of(draft(courseKey, head));
    }

    public Optional<DraftBlock> find(Draft draft, String key) {
        return Optional.ofNullable(draft.blocks().find(eq("_id", key)).first()).map(this::toBlock);
    }

    /** False when a block with that key exists already. */
    public boolean insert(Draft draft, DraftBlock block) {
        try {
            draft.blocks().insertOne(toDocument(block));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces the content if the block is still at {@code revision}; empty when it is not (or gone). */
    public Optional<DraftBlock> updateContent(Draft draft, String key, long revision, BlockContent content) {
        return conditional(draft, key, revision, Updates.set("content", codec.toDocument(content)));
    }

    /** Places the block under {@code parent} at {@code sortKey} if it is still at {@code revision}. */
    public Optional<DraftBlock> move(Draft draft, String key, long revision, String parent, String sortKey) {
        return conditional(draft, key, revision, Updates.combine(Updates.set("parent", parent),
                Updates.set("pos", sortKey)));
    }

    /** Deletes the block if it is still at {@code revision}. */
    public boolean deleteIfRevision(Draft draft, String key, long revision) {
        return draft.blocks().deleteOne(and(eq("_id", key), eq("rev", revision))).getDeletedCount() == 1;
    }

    public void deleteAll(Draft draft, Collection<String> keys) {
        List<String> batch = new ArrayList<>(BATCH);
        for (String key : keys) {
            batch.add(key);
            if (batch.size() == BATCH) {
                draft.blocks().deleteMany(in("_id", batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            draft.blocks().deleteMany(in("_id", batch));
        }
    }

    /** One child's place under its parent. */
    public record Child(String key, String sortKey) {
    }

    /** A parent's children in outline order (sort key, ties broken by key). */
    public List<Child> children(Draft draft, String parent) {
        List<Child> children = new ArrayList<>();
        for (Document d : draft.blocks().find(eq("parent", parent)).projection(Projections.include("pos"))
                .sort(Indexes.ascending("pos", "_id"))) {
            children.add(new Child(d.getString("_id"), d.getString("pos")));
        }
        return children;
    }

    /** Every block's position only (key, parent, sort key): the light pass that outlines a course. */
    public void forEachPosition(Draft draft, PositionConsumer consumer) {
        for (Document d : draft.blocks().find().projection(Projections.include("parent", "pos"))
                .batchSize(BATCH)) {
            consumer.accept(d.getString("_id"), d.getString("parent"), d.getString("pos"));
        }
    }

    public interface PositionConsumer {
        void accept(String key, String parent, String sortKey);
    }

    /** Every block with its content, in storage order. */
    public void forEachBlock(Draft draft, Consumer<DraftBlock> consumer) {
        iterate(draft).forEachRemaining(consumer);
    }

    /** Every block with its content, lazily from a cursor (exhausting it closes it). */
    public Iterator<DraftBlock> iterate(Draft draft) {
        return draft.blocks().find().batchSize(BATCH).map(this::toBlock).iterator();
    }

    /** The named blocks, in the order given (missing ones are skipped). */
    public List<DraftBlock> findAll(Draft draft, List<String> keys) {
        java.util.Map<String, DraftBlock> found = new java.util.HashMap<>(keys.size() * 2);
        for (Document d : draft.blocks().find(in("_id", keys))) {
            found.put(d.getString("_id"), toBlock(d));
        }
        return keys.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Makes {@code blocks} the course's whole draft: written into a fresh generation, then the head switched to it
     * if it still points at {@code expected}. Returns the new draft, or empty when another replacement won.
     */
    public Optional<Draft> replace(Draft expected, Iterator<DraftBlock> blocks) {
        // a collection of its own: two replacements racing never write into each other's
        String collection = collectionName(expected.courseKey());
        Draft next = new Draft(expected.courseKey(), expected.generation() + 1, db.getCollection(collection));
        try {
            fill(next, blocks);
        } catch (RuntimeException e) {
            // a source that fails midway (a bad archive line) leaves the live draft as it was
            next.blocks().drop();
            throw e;
        }
        long switched = heads.updateOne(and(eq("_id", expected.courseKey()), eq("generation", expected.generation())),
                Updates.combine(Updates.set("generation", next.generation()), Updates.set("collection", collection),
                        Updates.set("replacedAt", new Date())))
                .getModifiedCount();
        if (switched == 0) {
            next.blocks().drop();
            return Optional.empty();
        }
        expected.blocks().drop();
        return Optional.of(next);
    }

    private void fill(Draft next, Iterator<DraftBlock> blocks) {
        List<Document> batch = new ArrayList<>(BATCH);
        while (blocks.hasNext()) {
            batch.add(toDocument(blocks.next()));
            if (batch.size() == BATCH) {
                next.blocks().insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            next.blocks().insertMany(batch, new InsertManyOptions().ordered(false));
        }
        createIndexes(next);
    }

    private Optional<DraftBlock> conditional(Draft draft, String key, long revision, org.bson.conversions.Bson update) {
        Document updated = draft.blocks().findOneAndUpdate(and(eq("_id", key), eq("rev", revision)),
                Updates.combine(update, Updates.inc("rev", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(this::toBlock);
    }

    private Draft draft(String courseKey, Document head) {
        return new Draft(courseKey, head.getInteger("generation"), db.getCollection(head.getString("collection")));
    }

    private static String collectionName(String courseKey) {
        return "drafts." + courseKey + "." + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private void createIndexes(Draft draft) {
        draft.blocks().createIndex(Indexes.ascending("parent", "pos"), new IndexOptions().name("parent_pos"));
    }

    private void insertIgnoringDuplicate(Draft draft, DraftBlock root) {
        if (insert(draft, root)) {
            createIndexes(draft);
        }
    }

    private Document toDocument(DraftBlock block) {
        return new Document("_id", block.key()).append("type", block.type().wireName())
                .append("parent", block.parent()).append("pos", block.sortKey()).append("rev", block.revision())
                .append("content", codec.toDocument(block.content()));
    }

    private DraftBlock toBlock(Document d) {
        Number rev = d.get("rev", Number.class);
        return new DraftBlock(d.getString("_id"), BlockType.fromWire(d.getString("type")), d.getString("parent"),
                d.getString("pos"), rev == null ? 1 : rev.longValue(), codec.fromDocument(d.get("content",
                        Document.class)));
    }
}
