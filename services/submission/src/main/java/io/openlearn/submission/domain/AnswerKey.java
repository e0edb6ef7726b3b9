package io.openlearn.submission.domain;

import java.util.List;

/**
 * A problem as content-repository defines it, answer key included, reduced to what grading reads.
 * {@code maxScore} is the raw points possible (1 when the author gave none).
 */
public record AnswerKey(Kind kind, List<String> choiceIds, boolean multipleAnswers, List<String> correctChoices,
        Double answer, ToleranceMode toleranceMode, double tolerance, List<String> acceptedAnswers,
        boolean caseSensitive, String pattern, double maxScore, Integer maxAttempts) {

    public enum Kind { CHOICE, NUMERICAL, TEXT }

    public enum ToleranceMode { ABSOLUTE, RELATIVE }
}
