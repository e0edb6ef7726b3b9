package io.openlearn.authoring.domain;

/**
 * One assignment type of a grading policy, as Open edX's GRADER entries: Homework, Lab, Midterm Exam... The numbers
 * are boxed so that a policy leaving one out (or sending null) is refused by {@link GradingPolicy#violations()}
 * instead of read as zero.
 */
public record AssignmentType(String type, Integer minCount, Integer dropCount, Double weight, String shortLabel) {
}
