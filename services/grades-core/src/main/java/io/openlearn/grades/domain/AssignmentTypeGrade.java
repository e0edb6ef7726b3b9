package io.openlearn.grades.domain;

import java.util.List;

/**
 * How one assignment type contributed: the percents in course order (padded with zeros up to {@code min_count}),
 * which of them were dropped, their average and the weighted contribution to the course percent.
 */
public record AssignmentTypeGrade(String type, String shortLabel, double weight, List<Double> percents,
        List<Boolean> dropped, double average) {

    public AssignmentTypeGrade {
        percents = List.copyOf(percents);
        dropped = List.copyOf(dropped);
    }

    public double contribution() {
        return average * weight;
    }
}
