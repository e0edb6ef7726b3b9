package io.openlearn.kit.courseware;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** course-authoring's course run (contracts/authoring.openapi.yaml, {@code getCourseRun}). */
@Path("/api/authoring/v1/course-runs")
@Produces(MediaType.APPLICATION_JSON)
interface CourseRunsApi {

    @GET
    @Path("/{courseKey}")
    CoursewareCalls.Run run(@PathParam("courseKey") String courseKey);
}
