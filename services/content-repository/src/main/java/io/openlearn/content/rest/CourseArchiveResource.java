package io.openlearn.content.rest;

import io.openlearn.content.service.CourseArchive;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/** A whole course as one zip: export for backup or a move, import into an empty run. */
@Path("/api/content/v1/courses/{courseKey}/archive")
@Authenticated
public class CourseArchiveResource {

    static final String ZIP = "application/zip";

    private final CourseArchive archive;
    private final CourseCaller access;

    public CourseArchiveResource(CourseArchive archive, CourseCaller access) {
        this.archive = archive;
        this.access = access;
    }

    @GET
    @Produces(ZIP)
    public Response export(@PathParam("courseKey") String courseKey) {
        CourseArchive.Export export = archive.export(access.current(), courseKey);
        StreamingOutput body = export::writeTo;
        String file = courseKey.replace(':', '_').replace('+', '_') + ".zip";
        return Response.ok(body, ZIP).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @POST
    @Consumes(ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importArchive(@PathParam("courseKey") String courseKey, InputStream body) {
        return Response.status(201).entity(archive.importInto(access.current(), courseKey, body)).build();
    }
}
