package io.openlearn.kit.courseware;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** enrollment's "which groups is this learner in" (contracts/enrollment.openapi.yaml, {@code learnerGroups}). */
@Path("/api/enrollment/v1/courses/{courseKey}/learners/{userId}/groups")
@Produces(MediaType.APPLICATION_JSON)
interface LearnerGroupsApi {

    @GET
    CoursewareCalls.Groups groups(@PathParam("courseKey") String courseKey, @PathParam("userId") UUID learner);
}
