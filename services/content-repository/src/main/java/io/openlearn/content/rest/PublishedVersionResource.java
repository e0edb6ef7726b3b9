package io.openlearn.content.rest;

import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.repository.PublishedVersionRepository;
import io.openlearn.kit.keys.CourseKeys;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The history of a course run's published content. */
@Path("/api/content/v1/courses/{courseKey}/versions")
@Authenticated
public class PublishedVersionResource {

    private final PublishedVersionRepository versions;

    public PublishedVersionResource(PublishedVersionRepository versions) {
        this.versions = versions;
    }

    public record Version(int version, Instant publishedAt, boolean gradingChanged) {
        static Version of(PublishedVersion v) {
            return new Version(v.version(), v.publishedAt(), v.gradingChanged());
        }
    }

    public record VersionList(String courseKey, List<Version> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public VersionList list(@PathParam("courseKey") String courseKey) {
        CourseKeys.require(courseKey);
        return new VersionList(courseKey, versions.listNewestFirst(courseKey).stream().map(Version::of).toList());
    }
}
