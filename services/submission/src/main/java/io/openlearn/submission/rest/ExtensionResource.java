package io.openlearn.submission.rest;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.submission.service.ExtensionService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Staff extend one learner's deadline for one subsection (it replaces the due date plus grace for them); the learner,
 * the staff and services (grades for the learner's outline, content-repository for hide-after-due content) read a
 * learner's extensions.
 */
@Path("/api/submission/v1/courses/{courseKey}/extensions/{userId}")
@Authenticated
public class ExtensionResource {

    private final ExtensionService extensions;
    private final CourseCaller access;

    public ExtensionResource(ExtensionService extensions, CourseCaller access) {
        this.extensions = extensions;
        this.access = access;
    }

    public record Extension(String subsectionKey, Instant until, String reason) {
    }

    public record Granted(UUID userId, String subsectionKey, Instant until, String grantedBy) {
    }

    public record LearnerExtension(String subsectionKey, Instant until) {
    }

    public record ExtensionList(UUID userId, List<LearnerExtension> items) {
    }

    /** The learner's extensions in the course: the learner themselves, the course's staff, platform services. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ExtensionList list(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId) {
        UUID learner = ScoreResource.learner(userId);
        List<LearnerExtension> items = extensions.ofLearner(access.current(), courseKey, learner).entrySet().stream()
                .map(e -> new LearnerExtension(e.getKey(), e.getValue())).toList();
        return new ExtensionList(learner, items);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Granted grant(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId,
            Extension request) {
        String grantedBy = extensions.grant(access.current(), courseKey, () -> extension(courseKey, userId, request));
        return new Granted(ScoreResource.learner(userId), request.subsectionKey(), request.until(), grantedBy);
    }

    private static ExtensionService.Grant extension(String courseKey, String userId, Extension request) {
        UUID learner = ScoreResource.learner(userId);
        String coursePart = io.openlearn.kit.keys.CourseKeys.require(courseKey).substring("course-v1:".length());
        if (request == null || request.subsectionKey() == null
                || !request.subsectionKey().startsWith("block-v1:" + coursePart + "+type@sequential+block@")) {
            throw ProblemException.invalid("subsectionKey", "a subsection (sequential) usage key of this course");
        }
        if (request.until() == null) {
            throw ProblemException.invalid("until", "is required");
        }
        if (request.reason() != null && request.reason().length() > 1_000) {
            throw ProblemException.invalid("reason", "at most 1000 characters");
        }
        return new ExtensionService.Grant(learner, request.subsectionKey(), request.until(), request.reason());
    }

    @DELETE
    public Response revoke(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId,
            @QueryParam("subsectionKey") String subsectionKey) {
        extensions.revoke(access.current(), courseKey, () -> {
            UUID learner = ScoreResource.learner(userId);
            if (subsectionKey == null || subsectionKey.isBlank()) {
                throw ProblemException.invalid("subsectionKey", "is required");
            }
            return new ExtensionService.Target(learner, subsectionKey);
        });
        return Response.noContent().build();
    }
}
