package io.openlearn.grades.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** enrollment's members of one cohort, one keyset page (contracts/enrollment.openapi.yaml, {@code cohortMembers}). */
@Path("/api/enrollment/v1/courses/{courseKey}/cohorts/{cohortId}/members")
@Produces(MediaType.APPLICATION_JSON)
interface CohortMembersApi {

    @GET
    EnrollmentCalls.Roster members(@PathParam("courseKey") String courseKey, @PathParam("cohortId") UUID cohortId,
            @QueryParam("limit") int limit, @QueryParam("after") String after);
}
