package io.openlearn.grades.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** enrollment's roster of a course, one keyset page (contracts/enrollment.openapi.yaml, {@code courseRoster}). */
@Path("/api/enrollment/v1/courses/{courseKey}/enrollments")
@Produces(MediaType.APPLICATION_JSON)
interface EnrollmentApi {

    @GET
    EnrollmentCalls.Roster roster(@PathParam("courseKey") String courseKey, @QueryParam("active") boolean active,
            @QueryParam("mode") String mode, @QueryParam("limit") int limit, @QueryParam("after") String after);
}
