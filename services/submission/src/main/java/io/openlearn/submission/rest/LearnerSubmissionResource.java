package io.openlearn.submission.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.submission.repository.SubmissionQueries;
import io.openlearn.submission.rest.SubmitResource.Score;
import io.openlearn.submission.service.Visibility;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's own work in one course run: submissions and per-item scores, correctness only when revealed. */
@Path("/api/submission/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LearnerSubmissionResource {

    static final int MAX_OWN = 1_000;

    private final SubmissionQueries queries;
    private final CourseCaller access;
    private final Visibility visibility;

    public LearnerSubmissionResource(SubmissionQueries queries, CourseCaller access, Visibility visibility) {
        this.queries = queries;
        this.access = access;
        this.visibility = visibility;
    }

    public record Submission(UUID id, String itemKey, int attemptNumber, Instant submittedAt, JsonNode answer,
            boolean correctnessHidden, Score score) {
    }

    public record SubmissionList(String courseKey, List<Submission> items) {
    }

    public record ItemScore(String itemKey, int attemptsUsed, boolean correctnessHidden, Score latest,
            Score highest) {
    }

    public record ScoreList(String courseKey, List<ItemScore> items) {
    }

    @GET
    @Path("submissions")
    public SubmissionList submissions(@QueryParam("courseKey") String courseKey) {
        String key = CourseKeys.require(courseKey);
        UUID me = access.current().userId();
        Visibility.ForLearner shown = visibility.forLearner(me, key);
        List<SubmissionQueries.SubmissionRow> rows = QuarkusTransaction.joiningExisting()
                .call(() -> queries.page(key, me, null, null, MAX_OWN));
        return new SubmissionList(key, rows.stream().map(r -> {
            boolean reveal = shown.reveals(r.itemKey());
            return new Submission(r.id(), r.itemKey(), r.attemptNumber(), r.submittedAt(), r.answer(),
                    !reveal, reveal && r.earned() != null ? new Score(r.earned(), r.possible()) : null);
        }).toList());
    }

    @GET
    @Path("courses/{courseKey}/scores")
    public ScoreList scores(@PathParam("courseKey") String courseKey) {
        String key = CourseKeys.require(courseKey);
        UUID me = access.current().userId();
        Visibility.ForLearner shown = visibility.forLearner(me, key);
        return new ScoreList(key, QuarkusTransaction.joiningExisting().call(() -> queries.summaries(me, key))
                .stream().map(s -> {
                    boolean reveal = shown.reveals(s.itemKey());
                    return new ItemScore(s.itemKey(), s.attemptsUsed(), !reveal,
                            reveal ? score(s.latestEarned(), s.latestPossible()) : null,
                            reveal ? score(s.highestEarned(), s.highestPossible()) : null);
                }).toList());
    }

    static Score score(Double earned, Double possible) {
        return earned == null ? null : new Score(earned, possible);
    }
}
