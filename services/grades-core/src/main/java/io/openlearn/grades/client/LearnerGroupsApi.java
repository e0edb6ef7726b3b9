package io.openlearn.grades.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** enrollment's groups of many learners (contracts/enrollment.openapi.yaml, {@code learnerGroupsOfMany}). */
@Path("/api/enrollment/v1/courses/{courseKey}/learner-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface LearnerGroupsApi {

    @POST
    EnrollmentCalls.GroupsPage groups(@PathParam("courseKey") String courseKey, EnrollmentCalls.GroupsRequest body);
}
