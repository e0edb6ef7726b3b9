package io.openlearn.enrollment.rest;

import io.openlearn.enrollment.domain.EnrollmentMode;
import io.openlearn.enrollment.repository.EnrollmentEntity;
import io.openlearn.enrollment.service.Actor;
import io.openlearn.enrollment.service.EnrollmentService;
import io.openlearn.enrollment.service.KnownLearners;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.RoleChecker;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A learner's enrollment in one course run, addressed by the learner's platform id ("me" for the caller). */
@Path("/api/enrollment/v1/courses/{courseKey}/enrollments/{userId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CourseEnrollmentResource {

    private final EnrollmentService enrollments;
    private final KnownLearners knownLearners;
    private final RoleChecker roles;
    private final JsonWebToken jwt;

    public CourseEnrollmentResource(EnrollmentService enrollments, KnownLearners knownLearners, RoleChecker roles,
                                    JsonWebToken jwt) {
        this.enrollments = enrollments;
        this.knownLearners = knownLearners;
        this.roles = roles;
        this.jwt = jwt;
    }

    public record EnrollRequest(@NotNull String mode) {
    }

    public record Enrollment(String courseKey, UUID userId, String mode, boolean active, Instant created) {
        static Enrollment of(EnrollmentEntity e) {
            return new Enrollment(e.courseKey, e.userId, e.mode, e.active, e.createdAt);
        }
    }

    public record ActiveCheck(String courseKey, UUID userId, boolean active) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enroll(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId,
                           @NotNull @Valid EnrollRequest request) {
        Actor actor = Actor.of(jwt, roles);
        EnrollmentMode mode;
        try {
            mode = EnrollmentMode.fromWireName(request.mode());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("mode",
                    "one of audit, honor, verified, professional, no-id-professional, masters, credit");
        }
        UUID learner = learner(actor, userId);
        String key = courseKey(courseKey);
        // staff naming someone else: auth must know the id (asked here, before the enrollment's transaction)
        knownLearners.require(actor, key, learner);
        var outcome = enrollments.enroll(actor, learner, key, mode);
        boolean created = outcome.changed() && outcome.enrollment().createdAt.equals(outcome.enrollment().updatedAt);
        return Response.status(created ? 201 : 200).entity(Enrollment.of(outcome.enrollment())).build();
    }

    @DELETE
    public Response unenroll(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId) {
        Actor actor = Actor.of(jwt, roles);
        enrollments.unenroll(actor, learner(actor, userId), courseKey(courseKey));
        return Response.noContent().build();
    }

    /** The fast check other services make before accepting a learner's work. */
    @GET
    @Path("/active")
    public ActiveCheck active(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId) {
        Actor actor = Actor.of(jwt, roles);
        UUID learner = learner(actor, userId);
        String key = courseKey(courseKey);
        if (!learner.equals(actor.userId()) && !actor.mayManage(key)) {
            throw new ProblemException(403, "You may check only your own enrollment.");
        }
        return new ActiveCheck(key, learner, enrollments.isActive(learner, key));
    }

    private static UUID learner(Actor actor, String userId) {
        if ("me".equals(userId)) {
            return actor.userId();
        }
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "userId must be a platform user id (UUID) or 'me'.");
        }
    }

    private static String courseKey(String courseKey) {
        return CourseKeys.require(courseKey);
    }
}
