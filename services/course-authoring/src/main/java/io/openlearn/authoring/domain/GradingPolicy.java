package io.openlearn.authoring.domain;

import io.openlearn.gradingpolicy.AssignmentTypeDraft;
import io.openlearn.gradingpolicy.GradingPolicyRules;
import io.openlearn.gradingpolicy.PolicyDraft;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Open edX's grading policy: assignment types (GRADER), letter-grade cutoffs (GRADE_CUTOFFS) and a grace period in
 * seconds after due dates. What makes one valid is the grading-policy module's {@link GradingPolicyRules}.
 */
public record GradingPolicy(List<AssignmentType> assignmentTypes, Map<String, Double> gradeCutoffs,
        long gracePeriodSeconds) {

    /** The policy a new run starts with: Open edX Studio's default. */
    public static GradingPolicy openEdxDefault() {
        return new GradingPolicy(List.of(
                new AssignmentType("Homework", 12, 2, 0.15, "HW"),
                new AssignmentType("Lab", 12, 2, 0.15, "Lab"),
                new AssignmentType("Midterm Exam", 1, 0, 0.3, "Midterm"),
                new AssignmentType("Final Exam", 1, 0, 0.4, "Final")),
                Map.of("Pass", 0.5), 0);
    }

    /**
     * What is wrong with this policy as a change, by the platform's one rule set ({@link GradingPolicyRules}, shared
     * with grades' what-if): empty when it may be saved.
     */
    public List<FieldError> violations() {
        List<AssignmentTypeDraft> drafts = assignmentTypes == null ? null : assignmentTypes.stream()
                .map(t -> t == null ? null
                        : new AssignmentTypeDraft(t.type(), t.minCount(), t.dropCount(), t.weight(), t.shortLabel()))
                .toList();
        return GradingPolicyRules.violations(new PolicyDraft(drafts, gradeCutoffs, gracePeriodSeconds)).stream()
                .map(v -> new FieldError(v.field(), v.message())).toList();
    }

    /** Cutoffs from the highest to the lowest, as grade computation reads them. */
    public Map<String, Double> cutoffsDescending() {
        return gradeCutoffs.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** SHA-256 over a canonical text form: equal policies hash equally whatever order the client sent keys in. */
    public String hash() {
        StringBuilder canonical = new StringBuilder();
        assignmentTypes.forEach(t -> canonical.append("type=").append(t.type()).append(';').append(t.minCount())
                .append(';').append(t.dropCount()).append(';').append(Double.toString(t.weight())).append(';')
                .append(t.shortLabel() == null ? "" : t.shortLabel()).append('\n'));
        cutoffsDescending().forEach((letter, cutoff) -> canonical.append("cutoff=").append(letter).append(';')
                .append(Double.toString(cutoff)).append('\n'));
        canonical.append("grace=").append(gracePeriodSeconds);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
