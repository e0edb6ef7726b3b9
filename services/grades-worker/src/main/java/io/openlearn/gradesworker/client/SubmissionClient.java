package io.openlearn.gradesworker.client;

import io.openlearn.grades.config.GradingConfig;
import io.openlearn.grades.repository.ScoreUpdate;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Asks submission to re-evaluate one problem for a slice of learners; the new scores come back on STREAM. */
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
        List<ScoreUpdate> scores = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode item : answer.body().path("items")) {
            scores.add(new ScoreUpdate(courseKey, UUID.fromString(item.path("userId").asText()),
                    item.path("itemKey").asText(), item.path("rawEarned").asDouble(),
                    item.path("rawPossible").asDouble(), item.path("sequence").asLong(),
                    UUID.fromString(item.path("scoreId").asText()),
                    java.time.Instant.parse(item.path("scoredAt").asText())));
        }
        com.fasterxml.jackson.databind.JsonNode next = answer.body().path("nextAfter");
        return new ScorePage(scores, next.isTextual() ? next.asText() : null);
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
