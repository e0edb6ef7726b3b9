package io.openlearn.submission.rest;

import io.openlearn.kit.security.Callers;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.submission.repository.SubmissionQueries;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's own submissions in one course run. */
@Path("/api/submission/v1/me/submissions")
@Authenticated
public class LearnerSubmissionResource {

    private final SubmissionQueries submissions;
    private final JsonWebToken jwt;

    public LearnerSubmissionResource(SubmissionQueries submissions, JsonWebToken jwt) {
        this.submissions = submissions;
        this.jwt = jwt;
    }

    public record Submission(UUID id, String itemKey, int attemptNumber, Instant submittedAt) {
    }

    public record SubmissionList(List<Submission> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SubmissionList mine(@QueryParam("courseKey") String courseKey) {
        return new SubmissionList(submissions.ofLearnerInCourse(Callers.userId(jwt), CourseKeys.require(courseKey))
                .stream()
                .map(r -> new Submission(r.id(), r.itemKey(), r.attemptNumber(), r.submittedAt()))
                .toList());
    }
}
