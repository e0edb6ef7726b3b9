package io.openlearn.submission.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.submission.config.SubmissionConfig;
import io.openlearn.submission.service.SubmissionService;
import io.openlearn.submission.service.SubmissionService.Submitted;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

/** A learner answers a problem: one attempt, graded at once. */
@Path("/api/submission/v1/courses/{courseKey}/items/{itemKey}/submissions")
@Authenticated
public class SubmitResource {

    private final SubmissionService submissions;
    private final CourseCaller access;
    private final SubmissionConfig config;
    private final ObjectMapper json;

    public SubmitResource(SubmissionService submissions, CourseCaller access, SubmissionConfig config,
            ObjectMapper json) {
        this.submissions = submissions;
        this.access = access;
        this.config = config;
        this.json = json;
    }

    public record Score(double earned, double possible) {
    }

    public record SubmitResult(UUID submissionId, String itemKey, int attemptNumber, int attemptsUsed,
            Integer maxAttempts, Instant submittedAt, boolean correctnessHidden, Boolean correct,
            Score score) {
        static SubmitResult of(String itemKey, Submitted s) {
            return new SubmitResult(s.submission().id(), itemKey, s.submission().attemptNumber(), s.attemptsUsed(),
                    s.maxAttempts(), s.submission().submittedAt(), !s.revealed(), s.revealed() ? s.correct() : null,
                    s.revealed() ? new Score(s.score().earned(), s.score().possible()) : null);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("courseKey") String courseKey, @PathParam("itemKey") String itemKey,
            @HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body) {
        JsonNode request = read(body);
        Submitted submitted =
                submissions.submit(access.current(), courseKey, itemKey, request.get("answer"), idempotencyKey);
        return Response.status(submitted.replayed() ? 200 : 201).entity(SubmitResult.of(itemKey, submitted)).build();
    }

    /** Reads at most the configured size: a larger answer is refused before it is parsed. */
    private JsonNode read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(config.maxAnswerBytes() + 1);
            if (bytes.length > config.maxAnswerBytes()) {
                throw new ProblemException(413, "An answer is at most " + config.maxAnswerBytes() + " bytes.");
            }
            JsonNode node = bytes.length == 0 ? null : json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ProblemException.invalid("answer", "send {\"answer\": {...}}");
            }
            return node;
        } catch (IOException e) {
            throw new ProblemException(400, "The body is not JSON: " + e.getMessage());
        }
    }
}
