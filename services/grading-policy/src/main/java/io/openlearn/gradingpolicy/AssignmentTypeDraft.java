package io.openlearn.gradingpolicy;

/**
 * One assignment type of a proposed grading policy, as a caller sent it (Open edX's GRADER entry: Homework, Lab,
 * Midterm Exam...). The numbers are boxed so that one left out, or sent as null, is refused by
 * {@link GradingPolicyRules} instead of read as zero.
 */
public record AssignmentTypeDraft(String type, Integer minCount, Integer dropCount, Double weight,
        String shortLabel) {
}
