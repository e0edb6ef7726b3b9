package io.openlearn.gradesworker.client;

import io.openlearn.grades.repository.ScoreUpdate;
import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What grades-worker asks of submission: a course's latest scores (resync), and re-evaluating one problem for a
 * slice of learners (rescore; the new scores come back on STREAM).
 */
@ApplicationScoped
public class SubmissionClient {

    private static final String SERVICE = "submission";

    private final SubmissionCalls submission;

    SubmissionClient(SubmissionCalls submission) {
        this.submission = submission;
    }

    /** One page of a course's latest scores, as the projection stores them. */
    public record ScorePage(List<ScoreUpdate> scores, String nextAfter) {
    }

    public ScorePage latestScores(String courseKey, String after, int limit) {
        SubmissionCalls.Scores answer = Upstream.call(SERVICE, () -> submission.scores(courseKey, limit, after));
        List<ScoreUpdate> scores = new ArrayList<>();
        if (answer.items() != null) {
            for (SubmissionCalls.Score item : answer.items()) {
                scores.add(score(courseKey, item));
            }
        }
        return new ScorePage(scores, answer.nextAfter());
    }

    /** One score as submission writes it: an item of its scores page. */
    static ScoreUpdate score(String courseKey, SubmissionCalls.Score score) {
        return new ScoreUpdate(courseKey, score.userId(), score.itemKey(), orZero(score.rawEarned()),
                orZero(score.rawPossible()), score.sequence() == null ? 0 : score.sequence(), score.scoreId(),
                score.scoredAt());
    }

    /** @return how many scores submission wrote */
    public int rescore(String courseKey, String itemKey, List<UUID> learners) {
        SubmissionCalls.Rescored answer = Upstream.call(SERVICE, () -> submission.rescore(courseKey, itemKey,
                learners), status -> new ProblemException(422, "submission refused the rescore of " + itemKey
        // the problem or course is unknown to submission, or this worker may not ask: retrying will
        // not help
                        + " (" + status + ")."));
        return answer == null || answer.rescored() == null ? 0 : answer.rescored();
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
