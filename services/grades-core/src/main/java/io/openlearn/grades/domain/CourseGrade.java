package io.openlearn.grades.domain;

import java.util.List;

/**
 * A learner's course grade: the rounded percent, letter (null below every cutoff), passed flag, the per-type
 * breakdown and every subsection grade it was computed from, in course order.
 */
public record CourseGrade(double percent, String letterGrade, boolean passed, List<AssignmentTypeGrade> breakdown,
        List<SubsectionGrade> subsections) {

    public CourseGrade {
        breakdown = List.copyOf(breakdown);
        subsections = List.copyOf(subsections);
    }

    /** Same percent, letter and passed flag: whether a persisted course grade must change. */
    public boolean sameOutcome(double otherPercent, String otherLetter, boolean otherPassed) {
        return percent == otherPercent && passed == otherPassed && java.util.Objects.equals(letterGrade, otherLetter);
    }
}
