package io.openlearn.content.service;

import io.openlearn.content.config.ContentConfig;
import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.domain.ScheduleIndex;
import io.openlearn.kit.cache.TtlCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The schedule index of each published version learners read, built once per version and kept. */
@ApplicationScoped
public class ScheduleIndexes {

    private final PublishedContentQuery published;
    private final TtlCache<String, ScheduleIndex> indexes;

    public ScheduleIndexes(PublishedContentQuery published, ContentConfig config) {
        this.published = published;
        // a version never changes: an index only leaves to make room
        this.indexes = new TtlCache<>(Duration.ofDays(3650), config.courseware().indexedVersions());
    }

    public ScheduleIndex of(PublishedVersion version) {
        return indexes.get(version.publishId(), id -> build(version));
    }

    private ScheduleIndex build(PublishedVersion version) {
        ScheduleIndex index = new ScheduleIndex();
        published.forEachBlock(version, block -> index.accept(block.key(), block.type(), block.parent(),
                block.content()));
        return index;
    }
}
