package io.openlearn.submission.client;

import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.submission.domain.AnswerKey;
import java.time.Instant;

/**
 * A published problem with its answer key, the subsection settings that govern submitting to it, and its effective
 * release date ({@code release}, null: released with the course) and the groups it is open to ({@code access}).
 */
public record ProblemContext(int contentVersion, String subsectionKey, Instant due, String showCorrectness,
        Instant release, GroupAccess access, boolean gated, AnswerKey answerKey) {
}
