package io.openlearn.content.rest;

import io.openlearn.content.service.ContentCopyService;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Copies a run's content into another run, for reruns (course-authoring asks, with its service token). */
@Path("/api/content/v1/courses/{courseKey}/copies")
@RolesAllowed({"service", "admin"})
public class ContentCopyResource {

    private final ContentCopyService copies;

    public ContentCopyResource(ContentCopyService copies) {
        this.copies = copies;
    }

    public record CopyRequest(@NotNull String targetCourseKey) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response copy(@PathParam("courseKey") String courseKey, @NotNull @Valid CopyRequest request) {
        if (!CourseKeys.isCourseKey(courseKey) || !CourseKeys.isCourseKey(request.targetCourseKey())) {
            throw new ProblemException(400, "Source and target must be course keys such as course-v1:Org+Number+Run.");
        }
        return Response.status(201).entity(copies.copy(courseKey, request.targetCourseKey())).build();
    }
}
