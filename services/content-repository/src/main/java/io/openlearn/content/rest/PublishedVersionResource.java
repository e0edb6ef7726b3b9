package io.openlearn.content.rest;

import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.repository.PublishedBlockRepository.PublishedBlock;
import io.openlearn.content.service.CourseAccess;
import io.openlearn.content.service.PublishedContentQuery;
import io.openlearn.kit.keys.CourseKeys;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published content: the history of versions, a version's tree and one block of it. Everyone signed in reads it;
 * answer keys only reach services and the course team.
 */
@Path("/api/content/v1/courses/{courseKey}/versions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PublishedVersionResource {

    private final PublishedContentQuery published;
    private final CourseAccess access;
    private final BlockJson blockJson;

    public PublishedVersionResource(PublishedContentQuery published, CourseAccess access, BlockJson blockJson) {
        this.published = published;
        this.access = access;
        this.blockJson = blockJson;
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
    public Response tree(@PathParam("courseKey") String courseKey, @PathParam("version") String version) {
        CourseKeys.require(courseKey);
        PublishedVersion v = published.version(courseKey, version);
        boolean withKeys = access.maySeeAnswerKeys(courseKey);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("courseKey", courseKey);
        header.put("version", v.version());
        header.put("root", io.openlearn.content.domain.UsageKey.root(courseKey).toString());
        return Response.ok(blockJson.tree(header, sink -> published.forEachBlock(v, block ->
                sink.accept(view(block, withKeys))))).build();
    }

    @GET
    @Path("{version}/blocks/{key}")
    public Response block(@PathParam("courseKey") String courseKey, @PathParam("version") String version,
                          @PathParam("key") String key) {
        CourseKeys.require(courseKey);
        PublishedVersion v = published.version(courseKey, version);
        var node = view(published.block(v, key), access.maySeeAnswerKeys(courseKey));
        node.put("version", v.version());
        Response.ResponseBuilder response = Response.ok(node);
        if (!"latest".equals(version)) {
            // a numbered version never changes: caches may keep it for good ("latest" moves)
            response.header("Cache-Control", "private, max-age=31536000, immutable");
        }
        return response.build();
    }

    private com.fasterxml.jackson.databind.node.ObjectNode view(PublishedBlock block, boolean withKeys) {
        return blockJson.block(block.key(), block.type(), block.parent(), block.children(), block.content(), withKeys);
    }
}
