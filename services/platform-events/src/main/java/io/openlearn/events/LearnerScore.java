package io.openlearn.events;

import java.time.Instant;
import java.util.UUID;

/** What a score and a score reset share: the learner's problem, its score and that score's place in its order. */
public interface LearnerScore {

    UUID userId();

    String courseKey();

    String itemKey();

    UUID scoreId();

    double rawEarned();

    double rawPossible();

    long sequence();

    Instant scoredAt();
}
