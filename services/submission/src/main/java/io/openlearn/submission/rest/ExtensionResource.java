package io.openlearn.submission.rest;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.submission.repository.ExtensionRepository;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    private final ExtensionRepository extensions;
    private final CourseCaller access;

    public ExtensionResource(ExtensionRepository extensions, CourseCaller access) {
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
        access.requireSelfOrStaff(courseKey, learner);
        List<LearnerExtension> items = QuarkusTransaction.requiringNew().call(() ->
                extensions.ofLearner(learner, courseKey)).entrySet().stream()
                .map(e -> new LearnerExtension(e.getKey(), e.getValue())).toList();
        return new ExtensionList(learner, items);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Granted grant(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId,
                         Extension request) {
        access.requireStaff(courseKey);
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
        QuarkusTransaction.requiringNew().run(() -> extensions.grant(learner, courseKey, request.subsectionKey(),
                request.until(), access.callerName(), request.reason(), Instant.now()));
        return new Granted(learner, request.subsectionKey(), request.until(), access.callerName());
    }

    @DELETE
    public Response revoke(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId,
                           @QueryParam("subsectionKey") String subsectionKey) {
        access.requireStaff(courseKey);
        UUID learner = ScoreResource.learner(userId);
        if (subsectionKey == null || subsectionKey.isBlank()) {
            throw ProblemException.invalid("subsectionKey", "is required");
        }
        boolean removed = QuarkusTransaction.requiringNew().call(() -> extensions.revoke(learner, courseKey,
                subsectionKey));
        if (!removed) {
            throw new ProblemException(404, "No extension of that subsection for this learner.");
        }
        return Response.noContent().build();
    }
}
