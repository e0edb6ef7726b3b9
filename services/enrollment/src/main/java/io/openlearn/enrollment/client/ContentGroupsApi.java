package io.openlearn.enrollment.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** content-repository's content-group partitions of a course (contracts/content.openapi.yaml: getContentGroups). */
@Path("/api/content/v1/courses/{courseKey}/content-groups")
@Produces(MediaType.APPLICATION_JSON)
interface ContentGroupsApi {

    @GET
    ContentGroups.Answer partitions(@PathParam("courseKey") String courseKey);
}
