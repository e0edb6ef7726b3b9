package io.openlearn.grades.domain;

import io.openlearn.kit.courseware.GroupAccess;
import java.time.Instant;
import java.util.List;

/**
 * A subsection (Open edX "sequential") with what grading and the learner's outline need: whether it is graded, its
 * assignment type (format), its due date, its problems in course order, the chapter that holds it, and its
 * effective schedule (release date, staff-only and group access inherited from the chapter; hide-after-due).
 */
public record SubsectionDefinition(String key, String displayName, boolean graded, String format, Instant due,
        List<ProblemDefinition> problems, String chapter, Instant start, boolean staffOnly, boolean hideAfterDue,
        GroupAccess access) {

    public SubsectionDefinition {
        problems = List.copyOf(problems);
        access = access == null ? GroupAccess.OPEN : access;
    }

    /** A subsection open to every group. */
    public SubsectionDefinition(String key, String displayName, boolean graded, String format, Instant due,
            List<ProblemDefinition> problems, String chapter, Instant start, boolean staffOnly, boolean hideAfterDue) {
        this(key, displayName, graded, format, due, problems, chapter, start, staffOnly, hideAfterDue,
                GroupAccess.OPEN);
    }

    /** A subsection with no schedule of its own, outside any chapter. */
    public SubsectionDefinition(String key, String displayName, boolean graded, String format, Instant due,
            List<ProblemDefinition> problems) {
        this(key, displayName, graded, format, due, problems, null, null, false, false, GroupAccess.OPEN);
    }

    public SubsectionDefinition withProblems(List<ProblemDefinition> kept) {
        return new SubsectionDefinition(key, displayName, graded, format, due, kept, chapter, start, staffOnly,
                hideAfterDue, access);
    }
}
