package io.openlearn.content.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.openlearn.kit.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequential's prerequisite (Open edX's subsection gating): it opens for a learner once {@code subsection},
 * another sequential of the course, reaches {@code minScore} percent and, when given, {@code minCompletion} percent
 * of its problems attempted. Whether the named sequential exists and the chain of prerequisites stays acyclic is
 * the draft's to check ({@code DraftService}) and the publish's ({@link GateCheck}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prerequisite(String subsection, Double minScore, Double minCompletion) {

    public List<FieldError> violations(String field) {
        List<FieldError> errors = new ArrayList<>();
        if (subsection == null || subsection.isBlank() || subsection.length() > UsageKey.MAX_LENGTH) {
            errors.add(new FieldError(field + ".subsection", "is required: the usage key of another sequential"));
        }
        percentViolation(errors, field + ".minScore", minScore, true);
        percentViolation(errors, field + ".minCompletion", minCompletion, false);
        return errors;
    }

    /** The completion percent required; 0 when none is. */
    @JsonIgnore
    public double requiredCompletion() {
        return minCompletion == null ? 0 : minCompletion;
    }

    static void percentViolation(List<FieldError> errors, String field, Double value, boolean required) {
        if (value == null ? required : value.isNaN() || value < 0 || value > 100) {
            errors.add(new FieldError(field, "must be a percent from 0 to 100"));
        }
    }
}
