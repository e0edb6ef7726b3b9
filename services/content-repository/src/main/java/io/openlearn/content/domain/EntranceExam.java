package io.openlearn.content.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openlearn.kit.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * The course's entrance exam, kept on the course block as Open edX keeps {@code entrance_exam_id} and
 * {@code entrance_exam_minimum_score_pct}: until a learner's score over the chapter {@code chapter} reaches
 * {@code minScore} percent, every other chapter stays locked for them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntranceExam(String chapter, Double minScore) {

    public List<FieldError> violations(String field) {
        List<FieldError> errors = new ArrayList<>();
        if (chapter == null || chapter.isBlank() || chapter.length() > UsageKey.MAX_LENGTH) {
            errors.add(new FieldError(field + ".chapter", "is required: the usage key of a chapter"));
        }
        Prerequisite.percentViolation(errors, field + ".minScore", minScore, true);
        return errors;
    }
}
