package io.openlearn.content.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.content.client.ObjectStore;
import io.openlearn.content.domain.GradingStructure;
import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.domain.StructureCollector;
import io.openlearn.content.repository.PublishedBlockRepository;
import io.openlearn.content.repository.PublishedVersionRepository;
import io.openlearn.kit.http.JsonBody;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The collected grading structure of a published version: collected once at publish, stored in S3 and kept in
 * memory as the exact bytes served. A read finds it in memory, else in S3; only if both lost it (S3 was away at
 * publish time) is it collected again from the published blocks, once, and stored.
 */
@ApplicationScoped
public class StructureService {

    private static final Logger LOG = Logger.getLogger(StructureService.class);

    private final StructureCache cache;
    private final ObjectStore store;
    private final PublishedVersionRepository versions;
    private final PublishedBlockRepository blocks;
    private final ObjectMapper json;

    public StructureService(StructureCache cache, ObjectStore store, PublishedVersionRepository versions,
            PublishedBlockRepository blocks, ObjectMapper json) {
        this.cache = cache;
        this.store = store;
        this.versions = versions;
        this.blocks = blocks;
        this.json = json;
    }

    public record Served(int version, JsonBody body) {
    }

    /**
     * Called by publish: failure to reach S3 is logged, not fatal; the structure is collected again on read.
     * Returns the cached entry.
     */
    public JsonBody store(GradingStructure structure) {
        byte[] body = serialize(structure);
        String key = objectKey(structure.courseKey(), structure.version());
        JsonBody entry = JsonBody.of(body);
        cache.put(key, entry);
        try {
            store.put(key, body, "application/json");
        } catch (RuntimeException e) {
            LOG.warnf("Could not store the structure of %s v%d in S3 (%s); kept in memory", structure.courseKey(),
                    structure.version(), e.toString());
        }
        return entry;
    }

    /** Services and the course team read a version's structure; {@code version} is read (400) after the check. */
    public Served read(Caller caller, String courseKey, Supplier<Optional<Integer>> version) {
        CourseKeys.require(courseKey);
        ContentTeam.requireTeamOrService(caller, courseKey);
        return read(courseKey, version.get());
    }

    Served read(String courseKey, Optional<Integer> version) {
        int wanted = version.orElseGet(() -> versions.latest(courseKey).map(PublishedVersion::version)
                .orElseThrow(() -> new ProblemException(404, courseKey + " has no published version yet.")));
        String key = objectKey(courseKey, wanted);
        Optional<JsonBody> cached = cache.get(key);
        if (cached.isPresent()) {
            return new Served(wanted, cached.get());
        }
        Optional<byte[]> stored = fromStore(key);
        if (stored.isEmpty()) {
            return new Served(wanted, recollect(courseKey, wanted));
        }
        JsonBody entry = JsonBody.of(stored.get());
        cache.put(key, entry);
        return new Served(wanted, entry);
    }

    private Optional<byte[]> fromStore(String key) {
        try {
            return store.getBytes(key);
        } catch (RuntimeException e) {
            LOG.warnf("S3 unavailable reading %s (%s); collecting from the published blocks", key, e.toString());
            return Optional.empty();
        }
    }

    private JsonBody recollect(String courseKey, int wanted) {
        PublishedVersion published = versions.find(courseKey, wanted)
                .orElseThrow(() -> new ProblemException(404, courseKey + " has no published version " + wanted + "."));
        StructureCollector collector = new StructureCollector();
        blocks.forEachInOrder(courseKey, published.publishId(),
                block -> collector.accept(block.key(), block.type(), block.content()));
        return store(collector.finish(courseKey, wanted, published.publishedAt()));
    }

    private byte[] serialize(GradingStructure structure) {
        try {
            return json.writeValueAsBytes(structure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a grading structure is always serialisable", e);
        }
    }

    static String objectKey(String courseKey, int version) {
        return "structures/" + courseKey + "/v" + version + ".json";
    }
}
