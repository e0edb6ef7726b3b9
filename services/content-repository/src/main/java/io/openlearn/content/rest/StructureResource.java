package io.openlearn.content.rest;

import io.openlearn.content.service.StructureService;
import io.openlearn.kit.http.EntityTags;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
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

    private final CourseCaller access;

    public StructureResource(StructureService structures, CourseCaller access) {
        this.structures = structures;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response structure(@PathParam("courseKey") String courseKey, @QueryParam("version") String version,
            @HeaderParam("Accept-Encoding") String acceptEncoding) {
        StructureService.Served served = structures.read(access.current(), courseKey, () -> parse(version));
        // compressed once when collected; a large course's structure shrinks about tenfold
        Response.ResponseBuilder response = served.body().ok(acceptEncoding)
                .header("ETag", EntityTags.of(courseKey + "@" + served.version()));
        if (version != null) {
            response.header("Cache-Control", "private, max-age=31536000, immutable");
        }
        return response.build();
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
