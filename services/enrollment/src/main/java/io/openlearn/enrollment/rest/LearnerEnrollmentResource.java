package io.openlearn.enrollment.rest;

import io.openlearn.enrollment.repository.EnrollmentEntity;
import io.openlearn.enrollment.repository.EnrollmentRepository;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's own enrollments: the subject of the token decides whose rows are read, never a parameter. */
@Path("/api/enrollment/v1/me/enrollments")
@Authenticated
public class LearnerEnrollmentResource {

    private final EnrollmentRepository enrollments;
    private final CourseCaller callers;

    public LearnerEnrollmentResource(EnrollmentRepository enrollments, CourseCaller callers) {
        this.enrollments = enrollments;
        this.callers = callers;
    }

    public record Enrollment(String courseKey, String mode, boolean active, Instant created) {
        static Enrollment of(EnrollmentEntity e) {
            return new Enrollment(e.courseKey, e.mode, e.active, e.createdAt);
        }
    }

    public record EnrollmentList(List<Enrollment> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public EnrollmentList mine() {
        UUID me = callers.current().userId();
        return new EnrollmentList(enrollments.listOfLearner(me).stream().map(Enrollment::of).toList());
    }
}
