package io.openlearn.authoring.domain;

/** One assignment type of a grading policy, as Open edX's GRADER entries: Homework, Lab, Midterm Exam... */
public record AssignmentType(String type, int minCount, int dropCount, double weight, String shortLabel) {
}
