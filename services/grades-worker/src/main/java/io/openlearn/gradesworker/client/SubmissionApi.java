package io.openlearn.gradesworker.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** submission's scores page and rescore (contracts/submission.openapi.yaml). */
@Path("/api/submission/v1/courses/{courseKey}")
@Produces(MediaType.APPLICATION_JSON)
interface SubmissionApi {

    @GET
    @Path("/scores")
    SubmissionCalls.Scores scores(@PathParam("courseKey") String courseKey, @QueryParam("limit") int limit,
            @QueryParam("after") String after);

    @POST
    @Path("/items/{itemKey}/rescore")
    @Consumes(MediaType.APPLICATION_JSON)
    SubmissionCalls.Rescored rescore(@PathParam("courseKey") String courseKey, @PathParam("itemKey") String itemKey,
            SubmissionCalls.RescoreRequest request);
}
