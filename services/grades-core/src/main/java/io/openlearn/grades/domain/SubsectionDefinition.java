package io.openlearn.grades.domain;

import java.time.Instant;
import java.util.List;

/**
 * A subsection (Open edX "sequential") with what grading and the learner's outline need: whether it is graded, its
 * assignment type (format), its due date, its problems in course order, the chapter that holds it, and its
 * effective schedule (release date and staff-only inherited from the chapter; hide-after-due).
 */
public record SubsectionDefinition(String key, String displayName, boolean graded, String format, Instant due,
        List<ProblemDefinition> problems, String chapter, Instant start, boolean staffOnly, boolean hideAfterDue) {

    public SubsectionDefinition {
        problems = List.copyOf(problems);
    }

    /** A subsection with no schedule of its own, outside any chapter. */
    public SubsectionDefinition(String key, String displayName, boolean graded, String format, Instant due,
            List<ProblemDefinition> problems) {
        this(key, displayName, graded, format, due, problems, null, null, false, false);
    }

    public SubsectionDefinition withProblems(List<ProblemDefinition> kept) {
        return new SubsectionDefinition(key, displayName, graded, format, due, kept, chapter, start, staffOnly,
                hideAfterDue);
    }
}
