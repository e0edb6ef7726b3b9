package io.openlearn.kit.courseware;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** grades' locked subsections of a learner (contracts/grades.openapi.yaml, {@code learnerLocks}). */
@Path("/api/grades/v1/courses/{courseKey}/learners/{userId}/locks")
@Produces(MediaType.APPLICATION_JSON)
interface LocksApi {

    @GET
    CoursewareCalls.Locks locks(@PathParam("courseKey") String courseKey, @PathParam("userId") UUID learner);
}
