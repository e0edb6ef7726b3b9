package io.openlearn.grades.domain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A version of a course's grading policy: assignment types and letter cutoffs.
 *
 * @param version the policy version in course-authoring; 0 for a proposed policy that was never stored
 */
public record GradingPolicy(long version, List<AssignmentType> assignmentTypes, Map<String, Double> gradeCutoffs) {

    public GradingPolicy {
        assignmentTypes = List.copyOf(assignmentTypes);
        gradeCutoffs = descending(gradeCutoffs);
    }

    /** Open edX {@code _compute_letter_grade}: the highest cutoff the percent reaches; none below the lowest. */
    public Optional<String> letterFor(double percent) {
        for (Map.Entry<String, Double> cutoff : gradeCutoffs.entrySet()) {
            if (percent >= cutoff.getValue()) {
                return Optional.of(cutoff.getKey());
            }
        }
        return Optional.empty();
    }

    /** Passed when the percent reaches the lowest non-zero cutoff; a policy with none never passes anyone. */
    public boolean passes(double percent) {
        return gradeCutoffs.values().stream().filter(c -> c > 0).min(Double::compare)
                .map(lowest -> percent >= lowest).orElse(false);
    }

    private static Map<String, Double> descending(Map<String, Double> cutoffs) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        cutoffs.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(ordered);
    }
}
