package io.openlearn.kit.courseware;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** submission's deadline extensions of a learner (contracts/submission.openapi.yaml). */
@Path("/api/submission/v1/courses/{courseKey}/extensions/{userId}")
@Produces(MediaType.APPLICATION_JSON)
interface ExtensionsApi {

    @GET
    CoursewareCalls.Extensions extensions(@PathParam("courseKey") String courseKey,
            @PathParam("userId") UUID learner);
}
