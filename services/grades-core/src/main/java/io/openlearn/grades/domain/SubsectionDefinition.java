package io.openlearn.grades.domain;

import java.time.Instant;
import java.util.List;

/**
 * A subsection (Open edX "sequential") with what grading needs: whether it is graded, its assignment type (format),
 * its due date and its problems in course order.
 */
public record SubsectionDefinition(String key, String displayName, boolean graded, String format, Instant due,
        List<ProblemDefinition> problems) {

    public SubsectionDefinition {
        problems = List.copyOf(problems);
    }
}
