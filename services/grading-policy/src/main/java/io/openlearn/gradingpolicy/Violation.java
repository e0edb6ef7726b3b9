package io.openlearn.gradingpolicy;

/**
 * A rule a proposed policy breaks.
 *
 * @param field   the path of the field at fault in the caller's body, e.g. {@code assignmentTypes[1].dropCount}
 *                or {@code gradeCutoffs.A}
 * @param message a sentence for the caller saying what the field must be
 */
public record Violation(String field, String message) {
}
