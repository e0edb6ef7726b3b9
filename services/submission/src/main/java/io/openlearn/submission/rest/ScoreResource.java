package io.openlearn.submission.rest;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.submission.repository.SubmissionRepository.StoredScore;
import io.openlearn.submission.service.ScoreService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Staff on one problem: set a learner's score, reset it, rescore everyone (also the grades worker's BATCH). */
@Path("/api/submission/v1/courses/{courseKey}/items/{itemKey}")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private final ScoreService scores;
    private final CourseCaller access;

    public ScoreResource(ScoreService scores, CourseCaller access) {
        this.scores = scores;
        this.access = access;
    }

    public record SetScore(Double earned, Double possible, String reason) {
    }

    public record Reset(Boolean clearAttempts, String reason) {
    }

    public record Rescore(List<UUID> userIds, UUID after, Integer limit) {
    }

    public record ScoreView(UUID scoreId, String kind, double earned, double possible, long sequence,
            String annotatedBy, String annotation, Instant createdAt) {
        static ScoreView of(StoredScore s) {
            return new ScoreView(s.id(), s.kind(), s.earned(), s.possible(), s.sequence(), s.annotatedBy(),
                    s.annotation(), s.createdAt());
        }
    }

    @PUT
    @Path("learners/{userId}/score")
    public ScoreView set(@PathParam("courseKey") String courseKey, @PathParam("itemKey") String itemKey,
            @PathParam("userId") String userId, SetScore request) {
        return ScoreView.of(scores.set(access.current(), courseKey, itemKey, () -> {
            if (request == null || request.earned() == null) {
                throw ProblemException.invalid("earned", "is required");
            }
            return new ScoreService.StaffScore(learner(userId), request.earned(), request.possible(),
                    request.reason());
        }));
    }

    @POST
    @Path("learners/{userId}/reset")
    public ScoreView reset(@PathParam("courseKey") String courseKey, @PathParam("itemKey") String itemKey,
            @PathParam("userId") String userId, Reset request) {
        Reset reset = request == null ? new Reset(false, null) : request;
        return ScoreView.of(scores.reset(access.current(), courseKey, itemKey, () -> learner(userId),
                Boolean.TRUE.equals(reset.clearAttempts()), reset.reason()));
    }

    @POST
    @Path("rescore")
    public ScoreService.Rescored rescore(@PathParam("courseKey") String courseKey,
            @PathParam("itemKey") String itemKey, Rescore request) {
        Rescore rescore = request == null ? new Rescore(null, null, null) : request;
        return scores.rescore(access.current(), courseKey, itemKey, rescore.userIds(), rescore.after(),
                rescore.limit());
    }

    static UUID learner(String userId) {
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("userId", "a platform user id (UUID)");
        }
    }
}
