package io.openlearn.grades.domain;

/** One entry of a grading policy's GRADER list (Open edX {@code AssignmentFormatGrader}). */
public record AssignmentType(String type, int minCount, int dropCount, double weight, String shortLabel) {

    public AssignmentType {
        if (minCount < 0 || dropCount < 0 || weight < 0) {
            throw new IllegalArgumentException("min_count, drop_count and weight must not be negative: " + type);
        }
    }
}
