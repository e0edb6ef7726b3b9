package io.openlearn.submission.messaging;

import io.openlearn.outbox.OutboxWriter;
import io.openlearn.submission.repository.SubmissionRepository.ItemState;
import io.openlearn.submission.repository.SubmissionRepository.StoredScore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code submission.scored} and {@code submission.score-reset}, written to the outbox in the transaction that adds
 * the score, so a crash between commit and publish loses nothing. {@code sequence} grows by one per score of an
 * item: the grades STREAM uses it to ignore a score older than one it already applied.
 */
@ApplicationScoped
public class ScoreEvents {

    public static final String SCORED = "submission.scored";
    public static final String RESET = "submission.score-reset";

    private final OutboxWriter outbox;

    public ScoreEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void scored(ItemState item, StoredScore score) {
        outbox.append(SCORED, item.courseKey(), payload(item, score));
    }

    public void reset(ItemState item, StoredScore score, boolean attemptsCleared) {
        Map<String, Object> data = payload(item, score);
        data.put("attemptsCleared", attemptsCleared);
        outbox.append(RESET, item.courseKey(), data);
    }

    private static Map<String, Object> payload(ItemState item, StoredScore score) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", item.userId().toString());
        data.put("courseKey", item.courseKey());
        data.put("itemKey", item.itemKey());
        data.put("scoreId", score.id().toString());
        data.put("submissionId", score.submissionId() == null ? null : score.submissionId().toString());
        data.put("kind", score.kind());
        data.put("rawEarned", score.earned());
        data.put("rawPossible", score.possible());
        data.put("sequence", score.sequence());
        data.put("scoredAt", score.createdAt().toString());
        return data;
    }
}
