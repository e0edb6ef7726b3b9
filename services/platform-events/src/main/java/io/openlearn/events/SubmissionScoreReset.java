package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code submission.score-reset}: staff reset a learner's problem; the reset is a score of 0 out of 0 with its own
 * {@code sequence}. The constant parts are components so the record is the payload, field for field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubmissionScoreReset(UUID userId, String courseKey, String itemKey, UUID scoreId, UUID submissionId,
        String kind, double rawEarned, double rawPossible, long sequence, Instant scoredAt, boolean attemptsCleared)
        implements
            LearnerScore {

    public static final String KIND = "reset";

    public SubmissionScoreReset {
        if (submissionId != null || !KIND.equals(kind) || rawEarned != 0 || rawPossible != 0) {
            throw new IllegalArgumentException("A score reset has no submission, kind reset and 0 out of 0.");
        }
    }

    public static SubmissionScoreReset of(UUID userId, String courseKey, String itemKey, UUID scoreId, long sequence,
            Instant scoredAt, boolean attemptsCleared) {
        return new SubmissionScoreReset(userId, courseKey, itemKey, scoreId, null, KIND, 0, 0, sequence, scoredAt,
                attemptsCleared);
    }
}
