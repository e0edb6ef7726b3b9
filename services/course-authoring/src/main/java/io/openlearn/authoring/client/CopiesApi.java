package io.openlearn.authoring.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** content-repository's copy of a run's content (contracts/content.openapi.yaml, {@code /courses/{key}/copies}). */
@Path("/api/content/v1/courses/{courseKey}/copies")
@Produces(MediaType.APPLICATION_JSON)
interface CopiesApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    ContentCalls.Copied copy(@PathParam("courseKey") String sourceKey, ContentCalls.CopyRequest request);
}
