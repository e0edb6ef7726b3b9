package io.openlearn.grades.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** content-repository's grading structure of a published version (contracts/content.openapi.yaml). */
@Path("/api/content/v1/courses/{courseKey}/structure")
@Produces(MediaType.APPLICATION_JSON)
interface ContentApi {

    /** {@code version} null: the latest published version. */
    @GET
    ContentCalls.Structure structure(@PathParam("courseKey") String courseKey, @QueryParam("version") Long version);
}
