package io.openlearn.content.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.openlearn.content.domain.PublishedVersion;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;

/**
 * Published versions, one document each. Each is written once by a single-document insert; the unique index on
 * (courseKey, version) makes two publishes racing for the same number end with one winner.
 */
@ApplicationScoped
public class PublishedVersionRepository {

    static final String COLLECTION = "published_versions";

    private final MongoCollection<Document> versions;

    public PublishedVersionRepository(MongoClient mongo,
                                      @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.versions = mongo.getDatabase(database).getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent event) {
        versions.createIndex(Indexes.compoundIndex(Indexes.ascending("courseKey"), Indexes.descending("version")),
                new IndexOptions().unique(true).name("course_version"));
    }

    public void insert(PublishedVersion version) {
        versions.insertOne(new Document("courseKey", version.courseKey())
                .append("version", version.version())
                .append("publishedAt", Date.from(version.publishedAt()))
                .append("gradingChanged", version.gradingChanged()));
    }

    /**
     * Copies every published version of one run to another that has none yet, one insert per version (single-document
     * writes; the unique index keeps a repeated copy from duplicating anything). Returns how many were copied.
     */
    public int copyAll(String sourceKey, String targetKey, java.time.Instant now) {
        int copied = 0;
        for (PublishedVersion version : listNewestFirst(sourceKey)) {
            try {
                insert(new PublishedVersion(targetKey, version.version(), now, version.gradingChanged()));
                copied++;
            } catch (com.mongodb.MongoWriteException duplicate) {
                // already copied by an earlier attempt: the copy is idempotent
            }
        }
        return copied;
    }

    public List<PublishedVersion> listNewestFirst(String courseKey) {
        List<PublishedVersion> result = new ArrayList<>();
        for (Document d : versions.find(eq("courseKey", courseKey)).sort(descending("version"))) {
            result.add(new PublishedVersion(d.getString("courseKey"), d.getInteger("version"),
                    d.getDate("publishedAt").toInstant(), d.getBoolean("gradingChanged", false)));
        }
        return result;
    }
}
