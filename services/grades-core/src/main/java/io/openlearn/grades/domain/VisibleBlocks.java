package io.openlearn.grades.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Open edX grades a learner on the blocks visible to them ({@code VisibleBlocks}): a block visible to staff only
 * (itself, or a chapter, subsection or unit above it) is in no learner's grade, neither its earned nor its possible
 * points, and a staff-only subsection or chapter is not in the course at all for learners. A block released later
 * still counts (0 of its possible points until answered), so a grade never changes by the clock alone; the
 * assignment types' {@code min_count} padding counts unreleased work the same way.
 */
public final class VisibleBlocks {

    private VisibleBlocks() {
    }

    /** The structure as every learner is graded on it: without anything visible to staff only. */
    public static CourseStructure forLearners(CourseStructure structure) {
        List<ChapterDefinition> chapters = structure.chapters().stream().filter(c -> !c.staffOnly()).toList();
        List<SubsectionDefinition> subsections = new ArrayList<>();
        for (SubsectionDefinition subsection : structure.subsections()) {
            if (subsection.staffOnly()) {
                continue;
            }
            List<ProblemDefinition> visible = subsection.problems().stream().filter(p -> !p.staffOnly()).toList();
            subsections.add(visible.size() == subsection.problems().size() ? subsection
                    : subsection.withProblems(visible));
        }
        return new CourseStructure(structure.courseKey(), structure.version(), chapters, subsections);
    }
}
