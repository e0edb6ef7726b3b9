package io.openlearn.authoring.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Open edX's grading policy: assignment types (GRADER), letter-grade cutoffs (GRADE_CUTOFFS) and a grace period in
 * seconds after due dates. Validation follows what Open edX's grader accepts, plus the rules the issue names.
 */
public record GradingPolicy(List<AssignmentType> assignmentTypes, Map<String, Double> gradeCutoffs,
                            long gracePeriodSeconds) {

    static final Pattern LETTER = Pattern.compile("[A-Za-z0-9+\\- ]{1,16}");
    static final int MAX_TYPES = 50;

    /** The policy a new run starts with: Open edX Studio's default. */
    public static GradingPolicy openEdxDefault() {
        return new GradingPolicy(List.of(
                new AssignmentType("Homework", 12, 2, 0.15, "HW"),
                new AssignmentType("Lab", 12, 2, 0.15, "Lab"),
                new AssignmentType("Midterm Exam", 1, 0, 0.3, "Midterm"),
                new AssignmentType("Final Exam", 1, 0, 0.4, "Final")),
                Map.of("Pass", 0.5), 0);
    }

    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (assignmentTypes == null || assignmentTypes.size() > MAX_TYPES) {
            errors.add(new FieldError("assignmentTypes", "a list of at most " + MAX_TYPES + " assignment types"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < assignmentTypes.size(); i++) {
                checkType(assignmentTypes.get(i), "assignmentTypes[" + i + "]", seen, errors);
            }
        }
        checkCutoffs(errors);
        if (gracePeriodSeconds < 0) {
            errors.add(new FieldError("gracePeriodSeconds", "must not be negative"));
        }
        return errors;
    }

    private static void checkType(AssignmentType t, String at, Set<String> seen, List<FieldError> errors) {
        if (t == null) {
            errors.add(new FieldError(at, "must be an assignment type"));
            return;
        }
        if (t.minCount() == null || t.dropCount() == null || t.weight() == null) {
            for (String missing : missingNumbers(t)) {
                errors.add(new FieldError(at + "." + missing, "is required"));
            }
            return;
        }
        if (t.type() == null || t.type().isBlank() || t.type().length() > 64) {
            errors.add(new FieldError(at + ".type", "1 to 64 characters"));
        } else if (!seen.add(t.type().toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError(at + ".type", "assignment types must be unique"));
        }
        if (t.minCount() < 0) {
            errors.add(new FieldError(at + ".minCount", "must not be negative"));
        }
        if (t.dropCount() < 0) {
            errors.add(new FieldError(at + ".dropCount", "must not be negative"));
        }
        if (t.dropCount() > t.minCount()) {
            errors.add(new FieldError(at + ".dropCount", "must not exceed minCount"));
        }
        if (!(t.weight() >= 0) || Double.isInfinite(t.weight())) {
            errors.add(new FieldError(at + ".weight", "must be a non-negative number"));
        }
        if (t.shortLabel() != null && t.shortLabel().length() > 16) {
            errors.add(new FieldError(at + ".shortLabel", "at most 16 characters"));
        }
    }

    private static List<String> missingNumbers(AssignmentType t) {
        List<String> missing = new ArrayList<>();
        if (t.minCount() == null) {
            missing.add("minCount");
        }
        if (t.dropCount() == null) {
            missing.add("dropCount");
        }
        if (t.weight() == null) {
            missing.add("weight");
        }
        return missing;
    }

    private void checkCutoffs(List<FieldError> errors) {
        if (gradeCutoffs == null || gradeCutoffs.isEmpty() || gradeCutoffs.size() > 5) {
            errors.add(new FieldError("gradeCutoffs", "one to five letter grades"));
            return;
        }
        Set<Double> values = new HashSet<>();
        gradeCutoffs.forEach((letter, cutoff) -> {
            if (letter == null || !LETTER.matcher(letter).matches()) {
                errors.add(new FieldError("gradeCutoffs", "letter grades are 1 to 16 letters, digits, + or -"));
            }
            if (cutoff == null || !(cutoff > 0) || cutoff > 1) {
                errors.add(new FieldError("gradeCutoffs." + letter, "must be in (0, 1]"));
            } else if (!values.add(cutoff)) {
                errors.add(new FieldError("gradeCutoffs." + letter, "cutoffs must differ (strictly descending)"));
            }
        });
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
