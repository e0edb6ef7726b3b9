package io.openlearn.grades.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Open edX {@code AssignmentFormatGrader} with {@code total_with_drops}: pad to {@code min_count} with zeros (more
 * subsections than that and {@code min_count} is moot), drop the {@code drop_count} lowest percents (a stable sort
 * by percent descending, dropping its tail, so among equal percents the later ones go), average what remains.
 */
public final class AssignmentTypeGrader {

    private AssignmentTypeGrader() {
    }

    /** @param percents the graded percents of this type's subsections, in course order */
    public static AssignmentTypeGrade grade(AssignmentType type, List<Double> percents) {
        int count = Math.max(type.minCount(), percents.size());
        List<Double> padded = new ArrayList<>(count);
        padded.addAll(percents);
        while (padded.size() < count) {
            padded.add(0.0);
        }
        boolean[] dropped = new boolean[count];
        if (type.dropCount() > 0) {
            Integer[] byPercentDescending = IntStream.range(0, count).boxed()
                    .sorted(Comparator.comparingDouble(i -> -padded.get(i))).toArray(Integer[]::new);
            for (int i = Math.max(0, count - type.dropCount()); i < count; i++) {
                dropped[byPercentDescending[i]] = true;
            }
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (!dropped[i]) {
                sum += padded.get(i);
            }
        }
        int kept = count - type.dropCount();
        double average = kept > 0 ? sum / kept : 0;
        List<Boolean> droppedFlags = new ArrayList<>(count);
        for (boolean flag : dropped) {
            droppedFlags.add(flag);
        }
        return new AssignmentTypeGrade(type.type(), type.shortLabel(), type.weight(), padded, droppedFlags, average);
    }

}
