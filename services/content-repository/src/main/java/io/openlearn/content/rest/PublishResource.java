package io.openlearn.content.rest;

import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.service.PublishService;
import io.openlearn.kit.security.CourseCaller;
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
    private final CourseCaller access;

    public PublishResource(PublishService publisher, CourseCaller access) {
        this.publisher = publisher;
        this.access = access;
    }

    @POST
    public Response publish(@PathParam("courseKey") String courseKey) {
        PublishedVersion version = publisher.publish(access.current(), courseKey);
        return Response.created(URI.create("/api/content/v1/courses/" + courseKey + "/versions/" + version.version()))
                .entity(PublishedVersionResource.Version.of(version)).build();
    }
}
