package io.openlearn.gradesworker.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.grades.repository.ScoreUpdate;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What grades-worker asks of submission: a course's latest scores (resync), and re-evaluating one problem for a
 * slice of learners (rescore; the new scores come back on STREAM).
 */
@ApplicationScoped
public class SubmissionClient {

    private final ServiceHttp http;
    private final GradingConfig config;

    public SubmissionClient(ServiceHttp http, GradingConfig config) {
        this.http = http;
        this.config = config;
    }

    /** One page of a course's latest scores, as the projection stores them. */
    public record ScorePage(List<ScoreUpdate> scores, String nextAfter) {
    }

    public ScorePage latestScores(String courseKey, String after, int limit) {
        String url = config.submissionUrl() + "/api/submission/v1/courses/" + courseKey + "/scores?limit=" + limit
                + (after == null ? "" : "&after=" + after);
        ServiceHttp.Answer answer = http.get("submission", url);
        if (answer.status() != 200) {
            throw new ProblemException(502, "submission answered " + answer.status() + " for the scores of "
                    + courseKey + ".");
        }
        List<ScoreUpdate> scores = new ArrayList<>();
        for (JsonNode item : answer.body().path("items")) {
            scores.add(score(courseKey, item));
        }
        JsonNode next = answer.body().path("nextAfter");
        return new ScorePage(scores, next.isTextual() ? next.asText() : null);
    }

    /**
     * One score as submission writes it: an item of its scores page, and the data of its {@code submission.scored}
     * and {@code submission.score-reset} events (the same fields).
     */
    public static ScoreUpdate score(String courseKey, JsonNode score) {
        return new ScoreUpdate(courseKey, UUID.fromString(score.path("userId").asText()),
                score.path("itemKey").asText(), score.path("rawEarned").asDouble(),
                score.path("rawPossible").asDouble(), score.path("sequence").asLong(),
                UUID.fromString(score.path("scoreId").asText()), Instant.parse(score.path("scoredAt").asText()));
    }

    /** @return how many scores submission wrote */
    public int rescore(String courseKey, String itemKey, List<UUID> learners) {
        String url = config.submissionUrl() + "/api/submission/v1/courses/" + courseKey + "/items/" + itemKey
                + "/rescore";
        ServiceHttp.Answer answer = http.post("submission", url,
                Map.of("userIds", learners.stream().map(UUID::toString).toList()));
        if (answer.status() >= 400) {
            // the problem or course is unknown to submission, or this worker may not ask: retrying will not help
            throw new ProblemException(422, "submission refused the rescore of " + itemKey + " (" + answer.status()
                    + ").");
        }
        if (answer.status() != 200) {
            throw new ProblemException(502, "submission answered " + answer.status() + " to the rescore of "
                    + itemKey + ".");
        }
        return answer.body().path("rescored").asInt();
    }
}
