package io.openlearn.kit.courseware;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** enrollment's "is this learner actively enrolled" (contracts/enrollment.openapi.yaml, {@code isEnrolled}). */
@Path("/api/enrollment/v1/courses/{courseKey}/enrollments/{userId}/active")
@Produces(MediaType.APPLICATION_JSON)
interface EnrollmentChecksApi {

    @GET
    CoursewareCalls.Active active(@PathParam("courseKey") String courseKey, @PathParam("userId") UUID learner);
}
