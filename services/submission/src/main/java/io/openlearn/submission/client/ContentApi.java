package io.openlearn.submission.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** content-repository's latest structure and a published block (contracts/content.openapi.yaml). */
@Path("/api/content/v1/courses/{courseKey}")
@Produces(MediaType.APPLICATION_JSON)
interface ContentApi {

    @GET
    @Path("/structure")
    ContentCalls.Structure structure(@PathParam("courseKey") String courseKey);

    @GET
    @Path("/versions/{version}/blocks/{blockKey}")
    ContentCalls.Block block(@PathParam("courseKey") String courseKey, @PathParam("version") int version,
            @PathParam("blockKey") String blockKey);
}
