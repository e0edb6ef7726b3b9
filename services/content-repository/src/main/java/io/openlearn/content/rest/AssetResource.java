package io.openlearn.content.rest;

import io.openlearn.content.service.AssetService;
import io.openlearn.kit.courseware.CoursewareReaders;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * A course's assets: the team uploads and deletes; services, the team and learners who may read the course's
 * courseware now ({@link CoursewareReaders}) list and download.
 */
@Path("/api/content/v1/courses/{courseKey}/assets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AssetResource {

    private final AssetService assets;
    private final CourseCaller access;

    public AssetResource(AssetService assets, CourseCaller access) {
        this.assets = assets;
        this.access = access;
    }

    public record UploadRequest(String name, String contentType, Long size) {
    }

    public record AssetList(String courseKey, List<AssetService.Asset> items) {
    }

    @GET
    public AssetList list(@PathParam("courseKey") String courseKey) {
        return new AssetList(courseKey, assets.list(access.current(), courseKey));
    }

    /** A presigned PUT: the browser sends the file straight to S3 with the type and length named here. */
    @POST
    @Path("uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response presign(@PathParam("courseKey") String courseKey, UploadRequest request) {
        UploadRequest upload = request == null ? new UploadRequest(null, null, null) : request;
        return Response.status(201)
                .entity(assets.presignUpload(access.current(), courseKey, upload.name(), upload.contentType(),
                        upload.size()))
                .build();
    }

    /** The upload through the service, for clients that cannot reach S3; the body streams through. */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("courseKey") String courseKey, @PathParam("name") String name,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long length, InputStream body) {
        AssetService.Asset stored = assets.upload(access.current(), courseKey, name, contentType, length, body);
        return Response.created(URI.create("/api/content/v1/courses/" + courseKey + "/assets/" + name))
                .entity(stored).build();
    }

    @GET
    @Path("{name}")
    public AssetService.Download download(@PathParam("courseKey") String courseKey, @PathParam("name") String name) {
        return assets.download(access.current(), courseKey, name);
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("courseKey") String courseKey, @PathParam("name") String name) {
        assets.delete(access.current(), courseKey, name);
        return Response.noContent().build();
    }
}
