package io.openlearn.gradingpolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one definition of a valid grading policy. course-authoring, which owns policies, refuses a change that breaks
 * any rule, and grades refuses a what-if proposal that does, with the same violations, so nothing can be previewed
 * that could not be saved and the other way round.
 * <ul>
 *   <li>{@code assignmentTypes}: a list (it may be empty) of at most {@value #MAX_ASSIGNMENT_TYPES} types;</li>
 *   <li>{@code type}: 1 to {@value #MAX_TYPE_LENGTH} characters, not only spaces, and unique ignoring case;</li>
 *   <li>{@code minCount}: 0 to {@value #MAX_MIN_COUNT} (the grader pads a type's scores with zeros up to it);</li>
 *   <li>{@code dropCount}: 0 to {@code minCount} (Open edX Studio: no more drops than assignments);</li>
 *   <li>{@code weight}: 0 to 1, the type's share of the course grade (Open edX Studio's 0 to 100 %); the weights
 *       need not add up to 1, and above 1 is extra credit, as Open edX's {@code WeightedSubsectionsGrader};</li>
 *   <li>{@code shortLabel}: null or at most {@value #MAX_SHORT_LABEL_LENGTH} characters;</li>
 *   <li>{@code gradeCutoffs}: 1 to {@value #MAX_GRADE_CUTOFFS} letters of 1 to 16 letters, digits, spaces, + or -,
 *       each with its own cutoff in (0, 1];</li>
 *   <li>{@code gracePeriodSeconds}: not negative (null is 0).</li>
 * </ul>
 * Each mistake is reported once, on the field at fault: a count out of range is not also compared with the other
 * count, and a letter that is not a valid letter grade is named as {@code gradeCutoffs}, never echoed in a path.
 */
public final class GradingPolicyRules {

    public static final int MAX_ASSIGNMENT_TYPES = 50;
    public static final int MAX_TYPE_LENGTH = 64;
    public static final int MAX_MIN_COUNT = 100;
    public static final double MAX_WEIGHT = 1.0;
    public static final int MAX_SHORT_LABEL_LENGTH = 16;
    public static final int MAX_GRADE_CUTOFFS = 5;
    public static final Pattern LETTER = Pattern.compile("[A-Za-z0-9+\\- ]{1,16}");

    private GradingPolicyRules() {
    }

    /** Every rule the policy breaks, in the order of the fields; empty when the policy is valid. */
    public static List<Violation> violations(PolicyDraft policy) {
        List<Violation> violations = new ArrayList<>();
        List<AssignmentTypeDraft> types = policy == null ? null : policy.assignmentTypes();
        if (types == null) {
            violations.add(new Violation("assignmentTypes", "Assignment types are required: a list of at most "
                    + MAX_ASSIGNMENT_TYPES + " (it may be empty)."));
        } else if (types.size() > MAX_ASSIGNMENT_TYPES) {
            violations.add(new Violation("assignmentTypes",
                    "A grading policy has at most " + MAX_ASSIGNMENT_TYPES + " assignment types."));
        } else {
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < types.size(); i++) {
                checkType(types.get(i), "assignmentTypes[" + i + "]", seen, violations);
            }
        }
        checkCutoffs(policy == null ? null : policy.gradeCutoffs(), violations);
        Long grace = policy == null ? null : policy.gracePeriodSeconds();
        if (grace != null && grace < 0) {
            violations.add(new Violation("gracePeriodSeconds", "The grace period must not be negative."));
        }
        return List.copyOf(violations);
    }

    private static void checkType(AssignmentTypeDraft t, String at, Map<String, String> seen,
            List<Violation> violations) {
        if (t == null) {
            violations.add(new Violation(at, "Each assignment type must be an object with type, minCount, "
                    + "dropCount and weight."));
            return;
        }
        if (t.type() == null || t.type().isBlank() || t.type().length() > MAX_TYPE_LENGTH) {
            violations.add(new Violation(at + ".type",
                    "The type must be 1 to " + MAX_TYPE_LENGTH + " characters, not only spaces."));
        } else {
            String earlier = seen.putIfAbsent(t.type().toLowerCase(Locale.ROOT), at + ".type");
            if (earlier != null) {
                violations.add(new Violation(at + ".type", "The type repeats " + earlier
                        + ": assignment types must differ, ignoring case."));
            }
        }
        boolean minCountValid = false;
        if (t.minCount() == null) {
            violations.add(new Violation(at + ".minCount", "minCount is required."));
        } else if (t.minCount() < 0 || t.minCount() > MAX_MIN_COUNT) {
            violations.add(new Violation(at + ".minCount",
                    "minCount must be a whole number from 0 to " + MAX_MIN_COUNT + "."));
        } else {
            minCountValid = true;
        }
        if (t.dropCount() == null) {
            violations.add(new Violation(at + ".dropCount", "dropCount is required."));
        } else if (t.dropCount() < 0) {
            violations.add(new Violation(at + ".dropCount", "dropCount must not be negative."));
        } else if (minCountValid && t.dropCount() > t.minCount()) {
            violations.add(new Violation(at + ".dropCount", "dropCount must not exceed minCount (" + t.minCount()
                    + "): no more assignments can be dropped than are counted."));
        }
        if (t.weight() == null) {
            violations.add(new Violation(at + ".weight", "weight is required."));
        } else if (!(t.weight() >= 0 && t.weight() <= MAX_WEIGHT)) {
            violations.add(new Violation(at + ".weight", "weight must be a number from 0 to 1, the type's share "
                    + "of the course grade (the weights of all types may add up to more than 1: extra credit)."));
        }
        if (t.shortLabel() != null && t.shortLabel().length() > MAX_SHORT_LABEL_LENGTH) {
            violations.add(new Violation(at + ".shortLabel",
                    "The short label must be at most " + MAX_SHORT_LABEL_LENGTH + " characters."));
        }
    }

    private static void checkCutoffs(Map<String, Double> cutoffs, List<Violation> violations) {
        if (cutoffs == null || cutoffs.isEmpty() || cutoffs.size() > MAX_GRADE_CUTOFFS) {
            violations.add(new Violation("gradeCutoffs",
                    "Give one to " + MAX_GRADE_CUTOFFS + " letter grades, each with its cutoff."));
            return;
        }
        boolean badLetter = false;
        Set<Double> values = new HashSet<>();
        for (Map.Entry<String, Double> cutoff : cutoffs.entrySet()) {
            String letter = cutoff.getKey();
            if (letter == null || !LETTER.matcher(letter).matches()) {
                if (!badLetter) {
                    violations.add(new Violation("gradeCutoffs",
                            "Letter grades are 1 to 16 letters, digits, spaces, + or -."));
                    badLetter = true;
                }
                continue;
            }
            Double value = cutoff.getValue();
            if (value == null || !(value > 0 && value <= 1)) {
                violations.add(new Violation("gradeCutoffs." + letter,
                        "The cutoff must be a number above 0 and at most 1."));
            } else if (!values.add(value)) {
                violations.add(new Violation("gradeCutoffs." + letter,
                        "Another letter grade has the same cutoff: each needs its own."));
            }
        }
    }
}
