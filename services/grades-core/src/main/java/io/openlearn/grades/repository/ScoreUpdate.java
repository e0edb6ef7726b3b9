package io.openlearn.grades.repository;

import io.openlearn.events.LearnerScore;
import java.time.Instant;
import java.util.UUID;

/** A score as a submission.scored or submission.score-reset event carries it. */
public record ScoreUpdate(String courseKey, UUID userId, String itemKey, double rawEarned, double rawPossible,
        long sequence, UUID scoreId, Instant scoredAt) {

    public static ScoreUpdate of(LearnerScore score) {
        return new ScoreUpdate(score.courseKey(), score.userId(), score.itemKey(), score.rawEarned(),
                score.rawPossible(), score.sequence(), score.scoreId(), score.scoredAt());
    }
}
