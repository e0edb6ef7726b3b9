package io.openlearn.submission.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * enrollment's "which groups is this learner in", which says whether they are actively enrolled too
 * (contracts/enrollment.openapi.yaml, {@code learnerGroups}).
 */
@Path("/api/enrollment/v1/courses/{courseKey}/learners/{userId}/groups")
@Produces(MediaType.APPLICATION_JSON)
interface EnrollmentApi {

    @GET
    EnrollmentCalls.Groups groups(@PathParam("courseKey") String courseKey, @PathParam("userId") UUID learner);
}
