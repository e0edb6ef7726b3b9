package io.openlearn.content.rest;

import io.openlearn.content.service.CourseAccess;
import io.openlearn.content.service.StructureService;
import io.openlearn.kit.http.EntityTags;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The collected grading structure of a published version (the latest without {@code version}). Served from the
 * bytes collected at publish; a numbered version is immutable and cacheable for good. It names every subsection and
 * problem with its release date and staff-only flag, so only services and the course team read it; learners read
 * their outline (grades) instead.
 */
@Path("/api/content/v1/courses/{courseKey}/structure")
@Authenticated
public class StructureResource {

    private final StructureService structures;

    private final CourseAccess access;

    public StructureResource(StructureService structures, CourseAccess access) {
        this.structures = structures;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response structure(@PathParam("courseKey") String courseKey, @QueryParam("version") String version,
                              @HeaderParam("Accept-Encoding") String acceptEncoding) {
        CourseKeys.require(courseKey);
        access.requireServiceOrAuthor(courseKey);
        StructureService.Served served = structures.read(courseKey, parse(version));
        boolean gzip = acceptsGzip(acceptEncoding);
        Response.ResponseBuilder response = Response.ok(gzip ? served.body().gzip() : served.body().json(),
                        MediaType.APPLICATION_JSON_TYPE)
                .header("ETag", EntityTags.of(courseKey + "@" + served.version())).header("Vary", "Accept-Encoding");
        if (gzip) {
            // compressed once when collected; a large course's structure shrinks about tenfold
            response.header("Content-Encoding", "gzip");
        }
        if (version != null) {
            response.header("Cache-Control", "private, max-age=31536000, immutable");
        }
        return response.build();
    }

    /** gzip listed in Accept-Encoding and not refused with q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(java.util.Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equals("gzip")) {
                return parts.length < 2 || !parts[1].trim().matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static Optional<Integer> parse(String version) {
        if (version == null) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("version", "a version number (1 or more)");
    }
}
