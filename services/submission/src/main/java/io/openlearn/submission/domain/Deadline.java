package io.openlearn.submission.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a learner may still submit: the course run has started and not ended, and the subsection's due date
 * plus the grace period (or the learner's extension, when staff granted one) has not passed.
 */
public record Deadline(Instant runStart, Instant runEnd, Instant due, Duration grace, Instant extendedUntil) {

    public Optional<String> refusal(Instant now) {
        if (runStart != null && now.isBefore(runStart)) {
            return Optional.of("The course has not started yet.");
        }
        if (runEnd != null && !now.isBefore(runEnd) && extendedUntil == null) {
            return Optional.of("The course has ended.");
        }
        Instant last = lastMoment();
        if (last != null && now.isAfter(last)) {
            return Optional.of("The due date of this subsection has passed.");
        }
        return Optional.empty();
    }

    /** The last instant a submission counts; null when nothing limits it. */
    public Instant lastMoment() {
        if (extendedUntil != null) {
            return extendedUntil;
        }
        return due == null ? null : due.plus(grace == null ? Duration.ZERO : grace);
    }

    /**
     * Open edX's show_correctness rule: past_due reveals only once submitting is over for this learner (due date plus
     * grace, or their extension), so no one sees answers while they may still use them.
     */
    public boolean revealsCorrectness(String showCorrectness, Instant now) {
        if ("never".equals(showCorrectness)) {
            return false;
        }
        if ("past_due".equals(showCorrectness)) {
            Instant last = lastMoment();
            return last != null && now.isAfter(last);
        }
        return true;
    }
}
