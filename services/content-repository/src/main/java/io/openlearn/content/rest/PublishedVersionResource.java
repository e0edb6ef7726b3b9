package io.openlearn.content.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.domain.ScheduleIndex;
import io.openlearn.content.domain.UsageKey;
import io.openlearn.content.repository.PublishedBlockRepository.PublishedBlock;
import io.openlearn.content.service.PublishedContentQuery;
import io.openlearn.content.service.ScheduleIndexes;
import io.openlearn.kit.courseware.CoursewareReaders;
import io.openlearn.kit.courseware.GateLocks;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published content: the history of versions, a version's tree and one block of it. Services and the course team
 * read everything, answer keys included; a learner with access to the course ({@link CoursewareReaders}) reads the
 * blocks open to them, without answer keys. {@code previewAs=learner} shows the team a learner's view, and
 * {@code previewGroup=<partition>:<group>} (repeatable) that of a learner in those groups.
 */
@Path("/api/content/v1/courses/{courseKey}/versions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PublishedVersionResource {

    private final PublishedContentQuery published;
    private final CourseCaller access;
    private final BlockJson blockJson;

    private final CoursewareReaders readers;
    private final ScheduleIndexes schedules;
    private final GateLocks gateLocks;

    public PublishedVersionResource(PublishedContentQuery published, CourseCaller access, BlockJson blockJson,
            CoursewareReaders readers, ScheduleIndexes schedules, GateLocks gateLocks) {
        this.published = published;
        this.access = access;
        this.blockJson = blockJson;
        this.readers = readers;
        this.schedules = schedules;
        this.gateLocks = gateLocks;
    }

    public record Version(String courseKey, int version, Instant publishedAt, boolean gradingChanged, int blockCount,
            String gradingDigest, String publishedBy) {
        static Version of(PublishedVersion v) {
            return new Version(v.courseKey(), v.version(), v.publishedAt(), v.gradingChanged(), v.blockCount(),
                    v.gradingDigest(), v.publishedBy());
        }
    }

    public record VersionList(String courseKey, List<Version> items) {
    }

    @GET
    public VersionList list(@PathParam("courseKey") String courseKey) {
        CourseKeys.require(courseKey);
        return new VersionList(courseKey, published.history(courseKey).stream().map(Version::of).toList());
    }

    @GET
    @Path("{version}")
    public Version get(@PathParam("courseKey") String courseKey, @PathParam("version") String version) {
        CourseKeys.require(courseKey);
        return Version.of(published.version(courseKey, version));
    }

    @GET
    @Path("{version}/blocks")
    public Response tree(@PathParam("courseKey") String courseKey, @PathParam("version") String version,
            @QueryParam("previewAs") String previewAs, @QueryParam("previewGroup") List<String> previewGroups) {
        PublishedContentQuery.Read read = published.read(access.current(), courseKey, version,
                CoursewareReaders.Preview.of(previewAs, previewGroups));
        CoursewareReaders.Reader reader = read.reader();
        PublishedVersion v = read.version();
        boolean withKeys = read.withAnswerKeys();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("courseKey", courseKey);
        header.put("version", v.version());
        header.put("root", UsageKey.root(courseKey).toString());
        if (reader.fullView()) {
            return Response.ok(blockJson.tree(header,
                    sink -> published.forEachBlock(v, block -> sink.accept(view(block, withKeys, block.children())))))
                    .build();
        }
        LearnerView learner = learnerView(courseKey, v, reader);
        return Response.ok(blockJson.tree(header, sink -> published.forEachBlock(v, block -> {
            if (learner.visible(block.key())) {
                sink.accept(view(block, false, block.children().stream().filter(learner::visible).toList()));
            }
        }))).build();
    }

    @GET
    @Path("{version}/blocks/{key}")
    public Response block(@PathParam("courseKey") String courseKey, @PathParam("version") String version,
            @PathParam("key") String key, @QueryParam("previewAs") String previewAs,
            @QueryParam("previewGroup") List<String> previewGroups) {
        PublishedContentQuery.Read read = published.read(access.current(), courseKey, version,
                CoursewareReaders.Preview.of(previewAs, previewGroups));
        CoursewareReaders.Reader reader = read.reader();
        PublishedVersion v = read.version();
        PublishedBlock block = published.block(v, key);
        ObjectNode node;
        if (reader.fullView()) {
            node = view(block, read.withAnswerKeys(), block.children());
        } else {
            LearnerView learner = learnerView(courseKey, v, reader);
            if (!learner.open(key)) {
                // the same answer as for a block that does not exist: nothing about it leaks
                throw new ProblemException(404, "No block " + key + " in version " + v.version() + ".");
            }
            GateLocks.Lock lock = learner.lock(key);
            if (lock != null) {
                throw new ProblemException(403, lock.reason("This content"));
            }
            node = view(block, false, block.children().stream().filter(learner::visible).toList());
        }
        node.put("version", v.version());
        Response.ResponseBuilder response = Response.ok(node);
        // a numbered version never changes, so the full view may be kept for good ("latest" moves); a learner's view
        // of it changes with releases, due dates and extensions
        if (!"latest".equals(version) && reader.fullView()) {
            response.header("Cache-Control", "private, max-age=31536000, immutable");
        }
        return response.build();
    }

    /**
     * What a learner may see of the version: what the schedule and their groups open ({@code open}), less the content
     * of subsections a gate locks for them ({@code lock}). Their extensions are asked for only when a subsection
     * hides, their locks only in a version with gates and never for the team's preview.
     */
    private record LearnerView(ScheduleIndex index, CoursewareReaders.Reader reader, Map<String, Instant> extended,
            Map<String, GateLocks.Lock> locks) {

        boolean open(String key) {
            return index.visibleTo(key, reader.learner(), reader.now(), extended);
        }

        GateLocks.Lock lock(String key) {
            String subsection = locks.isEmpty() ? null : index.lockedBy(key);
            return subsection == null ? null : locks.get(subsection);
        }

        boolean visible(String key) {
            return open(key) && lock(key) == null;
        }
    }

    private LearnerView learnerView(String courseKey, PublishedVersion v, CoursewareReaders.Reader reader) {
        ScheduleIndex index = schedules.of(v);
        Map<String, Instant> extended = index.hidesAfterDue()
                ? readers.facts().extensions(courseKey, reader.userId()) : Map.of();
        Map<String, GateLocks.Lock> locks = index.gated() && !reader.preview()
                ? gateLocks.of(courseKey, reader.userId()) : Map.of();
        return new LearnerView(index, reader, extended, locks);
    }

    private ObjectNode view(PublishedBlock block, boolean withKeys, List<String> children) {
        return blockJson.block(block.key(), block.type(), block.parent(), children, block.content(), withKeys);
    }
}
