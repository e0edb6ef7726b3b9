package io.openlearn.submission.client;

import io.openlearn.submission.domain.AnswerKey;
import java.time.Instant;

/** A published problem with its answer key, and the subsection settings that govern submitting to it. */
public record ProblemContext(int contentVersion, String subsectionKey, Instant due, String showCorrectness,
                             AnswerKey answerKey) {
}
