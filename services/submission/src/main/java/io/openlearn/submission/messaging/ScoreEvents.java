package io.openlearn.submission.messaging;

import io.openlearn.events.Events;
import io.openlearn.events.SubmissionScoreReset;
import io.openlearn.events.SubmissionScored;
import io.openlearn.outbox.OutboxWriter;
import io.openlearn.submission.repository.SubmissionRepository.ItemState;
import io.openlearn.submission.repository.SubmissionRepository.StoredScore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code submission.scored} and {@code submission.score-reset}, written to the outbox in the transaction that adds
 * the score, so a crash between commit and publish loses nothing. {@code sequence} grows by one per score of an
 * item: the grades STREAM uses it to ignore a score older than one it already applied.
 */
@ApplicationScoped
public class ScoreEvents {

    private final OutboxWriter outbox;

    public ScoreEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void scored(ItemState item, StoredScore score) {
        outbox.append(Events.SUBMISSION_SCORED, item.courseKey(), new SubmissionScored(item.userId(),
                item.courseKey(), item.itemKey(), score.id(), score.submissionId(),
                SubmissionScored.Kind.valueOf(score.kind()), score.earned(), score.possible(), score.sequence(),
                score.createdAt()));
    }

    public void reset(ItemState item, StoredScore score, boolean attemptsCleared) {
        outbox.append(Events.SUBMISSION_SCORE_RESET, item.courseKey(), SubmissionScoreReset.of(item.userId(),
                item.courseKey(), item.itemKey(), score.id(), score.sequence(), score.createdAt(), attemptsCleared));
    }
}
