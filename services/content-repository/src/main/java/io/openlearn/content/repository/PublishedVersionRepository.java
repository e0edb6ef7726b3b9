package io.openlearn.content.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.openlearn.content.domain.PublishedVersion;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Published versions, one document each, written once by a single-document insert; the unique index on
 * (courseKey, version) makes two publishes racing for the same number end with one winner. The document also
 * carries its {@code content.course.published} event (id and whether the broker confirmed it): the event is
 * written with the change in one atomic write, and {@link io.openlearn.content.messaging.PublishedEventRelay}
 * sends what is not yet confirmed.
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
        versions.createIndex(Indexes.ascending("eventPublished"), new IndexOptions().name("event_pending"));
    }

    /** A version with its unsent event; false when that version number was taken by a concurrent publish. */
    public boolean insert(PublishedVersion version, UUID eventId) {
        try {
            versions.insertOne(new Document("courseKey", version.courseKey())
                    .append("version", version.version())
                    .append("publishedAt", Date.from(version.publishedAt()))
                    .append("gradingChanged", version.gradingChanged())
                    .append("publishId", version.publishId())
                    .append("blockCount", version.blockCount())
                    .append("gradingDigest", version.gradingDigest())
                    .append("publishedBy", version.publishedBy())
                    .append("eventId", eventId.toString())
                    .append("eventPublished", false));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public List<PublishedVersion> listNewestFirst(String courseKey) {
        List<PublishedVersion> result = new ArrayList<>();
        for (Document d : versions.find(eq("courseKey", courseKey)).sort(descending("version"))) {
            result.add(toVersion(d));
        }
        return result;
    }

    public Optional<PublishedVersion> latest(String courseKey) {
        return Optional.ofNullable(versions.find(eq("courseKey", courseKey)).sort(descending("version")).first())
                .map(PublishedVersionRepository::toVersion);
    }

    public Optional<PublishedVersion> find(String courseKey, int version) {
        return Optional.ofNullable(versions.find(and(eq("courseKey", courseKey), eq("version", version))).first())
                .map(PublishedVersionRepository::toVersion);
    }

    /** Versions whose event the broker has not confirmed yet, oldest first. */
    public List<PendingEvent> pendingEvents(int limit) {
        List<PendingEvent> result = new ArrayList<>();
        for (Document d : versions.find(eq("eventPublished", false)).sort(ascending("publishedAt")).limit(limit)) {
            result.add(new PendingEvent(UUID.fromString(d.getString("eventId")), toVersion(d)));
        }
        return result;
    }

    public void markEventPublished(String courseKey, int version) {
        versions.updateOne(and(eq("courseKey", courseKey), eq("version", version)),
                Updates.combine(Updates.set("eventPublished", true), Updates.set("eventPublishedAt", new Date())));
    }

    public record PendingEvent(UUID eventId, PublishedVersion version) {
    }

    private static PublishedVersion toVersion(Document d) {
        return new PublishedVersion(d.getString("courseKey"), d.getInteger("version"),
                d.getDate("publishedAt").toInstant(), d.getBoolean("gradingChanged", false),
                d.getString("publishId"), d.getInteger("blockCount", 0), d.getString("gradingDigest"),
                d.getString("publishedBy"));
    }
}
