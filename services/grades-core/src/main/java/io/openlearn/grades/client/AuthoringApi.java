package io.openlearn.grades.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** course-authoring's course run and grading policy (contracts/authoring.openapi.yaml). */
@Path("/api/authoring/v1/course-runs/{courseKey}")
@Produces(MediaType.APPLICATION_JSON)
interface AuthoringApi {

    @GET
    AuthoringCalls.Run run(@PathParam("courseKey") String courseKey);

    @GET
    @Path("/grading-policy")
    AuthoringCalls.Policy policy(@PathParam("courseKey") String courseKey);

    @GET
    @Path("/grading-policy/versions/{version}")
    AuthoringCalls.Policy policyVersion(@PathParam("courseKey") String courseKey, @PathParam("version") long version);
}
