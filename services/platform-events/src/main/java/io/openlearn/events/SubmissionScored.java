package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code submission.scored}: a new score of a learner's problem. {@code sequence} grows by one per score of the item,
 * so a consumer can ignore a score older than one it applied.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubmissionScored(UUID userId, String courseKey, String itemKey, UUID scoreId, UUID submissionId,
        Kind kind, double rawEarned, double rawPossible, long sequence, Instant scoredAt) implements LearnerScore {

    public enum Kind {
        auto, rescore, staff
    }
}
