package io.openlearn.enrollment.rest;

import io.openlearn.enrollment.domain.EnrollmentMode;
import io.openlearn.enrollment.repository.EnrollmentEntity;
import io.openlearn.enrollment.service.EnrollmentService;
import io.openlearn.enrollment.service.KnownLearners;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CourseCaller;
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

/** A learner's enrollment in one course run, addressed by the learner's platform id ("me" for the caller). */
@Path("/api/enrollment/v1/courses/{courseKey}/enrollments/{userId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CourseEnrollmentResource {

    private final EnrollmentService enrollments;
    private final KnownLearners knownLearners;
    private final CourseCaller callers;

    public CourseEnrollmentResource(EnrollmentService enrollments, KnownLearners knownLearners,
            CourseCaller callers) {
        this.enrollments = enrollments;
        this.knownLearners = knownLearners;
        this.callers = callers;
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
        Caller caller = callers.current();
        EnrollmentMode mode;
        try {
            mode = EnrollmentMode.fromWireName(request.mode());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("mode",
                    "one of audit, honor, verified, professional, no-id-professional, masters, credit");
        }
        UUID learner = learner(caller, userId);
        String key = courseKey(courseKey);
        // staff naming someone else: auth must know the id (asked here, before the enrollment's transaction)
        knownLearners.require(caller, key, learner);
        var outcome = enrollments.enroll(caller, learner, key, mode);
        boolean created = outcome.changed() && outcome.enrollment().createdAt.equals(outcome.enrollment().updatedAt);
        return Response.status(created ? 201 : 200).entity(Enrollment.of(outcome.enrollment())).build();
    }

    @DELETE
    public Response unenroll(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId) {
        Caller caller = callers.current();
        enrollments.unenroll(caller, learner(caller, userId), courseKey(courseKey));
        return Response.noContent().build();
    }

    /** The fast check other services make before accepting a learner's work. */
    @GET
    @Path("/active")
    public ActiveCheck active(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId) {
        Caller caller = callers.current();
        UUID learner = learner(caller, userId);
        String key = courseKey(courseKey);
        return new ActiveCheck(key, learner, enrollments.isActive(caller, learner, key));
    }

    private static UUID learner(Caller caller, String userId) {
        if ("me".equals(userId)) {
            return caller.userId();
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
