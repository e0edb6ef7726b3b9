package io.openlearn.submission.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** grades' "which subsections do gates lock for this learner" (contracts/grades.openapi.yaml, {@code learnerLocks}). */
@Path("/api/grades/v1/courses/{courseKey}/learners/{userId}/locks")
@Produces(MediaType.APPLICATION_JSON)
interface GradesApi {

    @GET
    GradesCalls.Locks locks(@PathParam("courseKey") String courseKey, @PathParam("userId") UUID learner);
}
