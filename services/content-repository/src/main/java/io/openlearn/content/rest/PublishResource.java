package io.openlearn.content.rest;

import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.service.CourseAccess;
import io.openlearn.content.service.PublishService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Publishing the draft as the next immutable version. */
@Path("/api/content/v1/courses/{courseKey}/publish")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PublishResource {

    private final PublishService publisher;
    private final CourseAccess access;

    public PublishResource(PublishService publisher, CourseAccess access) {
        this.publisher = publisher;
        this.access = access;
    }

    @POST
    public Response publish(@PathParam("courseKey") String courseKey) {
        access.requireAuthor(courseKey);
        PublishedVersion version = publisher.publish(courseKey, access.caller());
        return Response.created(URI.create("/api/content/v1/courses/" + courseKey + "/versions/" + version.version()))
                .entity(PublishedVersionResource.Version.of(version)).build();
    }
}
