package io.openlearn.content.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.openlearn.kit.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A problem as authored, answer key included. The answer key ({@code correctChoices}, {@code answer},
 * {@code tolerance}, {@code acceptedAnswers}, {@code caseSensitive}, {@code pattern}) leaves the service only for
 * course staff and services; {@link #withoutAnswerKey()} is what everyone else receives.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(Kind kind, String prompt, List<Choice> choices, Boolean multipleAnswers,
        List<String> correctChoices, Double answer, Tolerance tolerance, List<String> acceptedAnswers,
        Boolean caseSensitive, String pattern, Double maxScore, Double weight, Integer maxAttempts) {

    public static final int MAX_PATTERN_LENGTH = 200;
    public static final int MAX_CHOICES = 50;

    public enum Kind {
        @JsonProperty("choice") CHOICE,
        @JsonProperty("numerical") NUMERICAL,
        @JsonProperty("text") TEXT
    }

    public record Choice(String id, String text) {
    }

    public record Tolerance(Mode mode, Double value) {
        public enum Mode {
            @JsonProperty("absolute") ABSOLUTE,
            @JsonProperty("relative") RELATIVE
        }
    }

    /** The raw points a fully correct answer earns; Open edX's raw_possible. Defaults to 1. */
    public double possible() {
        return maxScore == null ? 1.0 : maxScore;
    }

    public Problem withoutAnswerKey() {
        return new Problem(kind, prompt, choices, multipleAnswers, null, null, null, null, null, null, maxScore,
                weight, maxAttempts);
    }

    /** Every rule a problem must follow, as field errors under {@code prefix}; empty when valid. */
    public List<FieldError> violations(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(new FieldError(prefix + "kind", "is required: choice, numerical or text"));
            return errors;
        }
        if (prompt == null || prompt.isBlank()) {
            errors.add(new FieldError(prefix + "prompt", "is required"));
        }
        if (maxScore != null && !(maxScore > 0 && maxScore <= 1_000)) {
            errors.add(new FieldError(prefix + "maxScore", "must be above 0 and at most 1000"));
        }
        if (weight != null && !(weight >= 0 && weight <= 1_000)) {
            errors.add(new FieldError(prefix + "weight", "must be between 0 and 1000"));
        }
        if (maxAttempts != null && maxAttempts < 1) {
            errors.add(new FieldError(prefix + "maxAttempts", "must be at least 1 (omit it for unlimited attempts)"));
        }
        switch (kind) {
            case CHOICE -> checkChoice(prefix, errors);
            case NUMERICAL -> checkNumerical(prefix, errors);
            case TEXT -> checkText(prefix, errors);
        }
        return errors;
    }

    private void checkChoice(String prefix, List<FieldError> errors) {
        if (choices == null || choices.size() < 2 || choices.size() > MAX_CHOICES) {
            errors.add(new FieldError(prefix + "choices", "needs 2 to " + MAX_CHOICES + " choices"));
            return;
        }
        Set<String> ids = new HashSet<>();
        for (Choice choice : choices) {
            if (choice == null || choice.id() == null || choice.id().isBlank() || !ids.add(choice.id())) {
                errors.add(new FieldError(prefix + "choices", "every choice needs a unique, non-blank id"));
                return;
            }
        }
        if (correctChoices == null || correctChoices.isEmpty() || !ids.containsAll(correctChoices)) {
            errors.add(new FieldError(prefix + "correctChoices", "must name one or more of the choices' ids"));
        } else if (!Boolean.TRUE.equals(multipleAnswers) && correctChoices.size() != 1) {
            errors.add(new FieldError(prefix + "correctChoices",
                    "must name exactly one choice unless multipleAnswers is true"));
        } else if (new HashSet<>(correctChoices).size() != correctChoices.size()) {
            errors.add(new FieldError(prefix + "correctChoices", "names a choice twice"));
        }
    }

    private void checkNumerical(String prefix, List<FieldError> errors) {
        if (answer == null || answer.isNaN() || answer.isInfinite()) {
            errors.add(new FieldError(prefix + "answer", "is required and must be a finite number"));
        }
        if (tolerance != null && (tolerance.mode() == null || tolerance.value() == null || tolerance.value() < 0)) {
            errors.add(new FieldError(prefix + "tolerance", "needs a mode (absolute or relative) and a value >= 0"));
        }
    }

    private void checkText(String prefix, List<FieldError> errors) {
        boolean hasAnswers = acceptedAnswers != null && !acceptedAnswers.isEmpty();
        if (!hasAnswers && pattern == null) {
            errors.add(new FieldError(prefix + "acceptedAnswers", "give accepted answers, a pattern, or both"));
        }
        if (hasAnswers && acceptedAnswers.stream().anyMatch(a -> a == null || a.isEmpty())) {
            errors.add(new FieldError(prefix + "acceptedAnswers", "must not contain empty answers"));
        }
        if (pattern != null) {
            if (pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
                errors.add(new FieldError(prefix + "pattern", "must be 1 to " + MAX_PATTERN_LENGTH + " characters"));
            } else {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    errors.add(new FieldError(prefix + "pattern", "is not a valid regular expression: "
                            + e.getDescription()));
                }
            }
        }
    }
}
