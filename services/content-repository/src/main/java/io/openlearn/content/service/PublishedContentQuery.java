package io.openlearn.content.service;

import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.repository.PublishedBlockRepository;
import io.openlearn.content.repository.PublishedBlockRepository.PublishedBlock;
import io.openlearn.content.repository.PublishedVersionRepository;
import io.openlearn.kit.courseware.CoursewareReaders;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Consumer;

/** Reading published content: a version's metadata, its blocks in course order, one block. */
@ApplicationScoped
public class PublishedContentQuery {

    private final PublishedVersionRepository versions;
    private final PublishedBlockRepository blocks;
    private final CoursewareReaders readers;

    /** A version as one reader reads it: everything with answer keys (services, the team), or a learner's view. */
    public record Read(PublishedVersion version, CoursewareReaders.Reader reader, boolean withAnswerKeys) {
    }

    public PublishedContentQuery(PublishedVersionRepository versions, PublishedBlockRepository blocks,
            CoursewareReaders readers) {
        this.versions = versions;
        this.blocks = blocks;
        this.readers = readers;
    }

    /**
     * The caller as a reader of a published version ({@link CoursewareReaders}: 403 when they may read none of the
     * course now, before the version is looked up); answer keys go to services and the course team only.
     */
    public Read read(Caller caller, String courseKey, String version, CoursewareReaders.Preview preview) {
        CoursewareReaders.Reader reader = readers.of(courseKey, preview);
        PublishedVersion v = version(courseKey, version);
        return new Read(v, reader, reader.fullView() && CoursePermissions.isTeamOrService(caller, courseKey));
    }

    public List<PublishedVersion> history(String courseKey) {
        return versions.listNewestFirst(courseKey);
    }

    /** {@code version} is a number or {@code latest}. */
    public PublishedVersion version(String courseKey, String version) {
        if ("latest".equals(version)) {
            return versions.latest(courseKey)
                    .orElseThrow(() -> new ProblemException(404, courseKey + " has no published version yet."));
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "a version number or latest");
        }
        return versions.find(courseKey, number)
                .orElseThrow(() -> new ProblemException(404, courseKey + " has no published version " + number + "."));
    }

    public void forEachBlock(PublishedVersion version, Consumer<PublishedBlock> consumer) {
        blocks.forEachInOrder(version.courseKey(), version.publishId(), consumer);
    }

    public PublishedBlock block(PublishedVersion version, String key) {
        return blocks.find(version.courseKey(), version.publishId(), key).orElseThrow(
                () -> new ProblemException(404, "No block " + key + " in version " + version.version() + "."));
    }
}
