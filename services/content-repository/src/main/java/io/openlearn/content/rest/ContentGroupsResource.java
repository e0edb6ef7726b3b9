package io.openlearn.content.rest;

import io.openlearn.content.domain.ContentGroupPartition;
import io.openlearn.content.service.DraftService;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The course's content-group partitions as the course block declares them now (the draft: what a publish will
 * freeze), for enrollment to check a cohort's link against, and for the team's cohort settings UI.
 */
@Path("/api/content/v1/courses/{courseKey}/content-groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContentGroupsResource {

    public record ContentGroups(String courseKey, List<ContentGroupPartition> partitions) {
    }

    private final DraftService drafts;
    private final CourseCaller access;

    public ContentGroupsResource(DraftService drafts, CourseCaller access) {
        this.drafts = drafts;
        this.access = access;
    }

    @GET
    public ContentGroups partitions(@PathParam("courseKey") String courseKey) {
        return new ContentGroups(courseKey, drafts.contentGroups(access.current(), courseKey));
    }
}
