package io.openlearn.grades.domain;

import io.openlearn.kit.courseware.GroupAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Open edX grades a learner on the blocks visible to them ({@code VisibleBlocks}): a block visible to staff only
 * (itself, or a chapter, subsection or unit above it) is in no learner's grade, neither its earned nor its possible
 * points, and a staff-only subsection or chapter is not in the course at all for learners. A block released later
 * still counts (0 of its possible points until answered), so a grade never changes by the clock alone; the
 * assignment types' {@code min_count} padding counts unreleased work the same way. Blocks restricted to groups
 * (Open edX's user partitions) count only for the learners in them ({@link #forLearner}): a chapter or subsection
 * a learner's groups do not pass is not in that learner's course, a problem not in their subsection, so its type's
 * {@code min_count} padding counts one subsection fewer for them, as Open edX grades only a learner's visible blocks.
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
        return structure.keeping(chapters, subsections);
    }

    /**
     * The learners' structure as one learner is graded on it: without the chapters, subsections and problems their
     * groups do not pass. The same structure when nothing in it is restricted to groups.
     */
    public static CourseStructure forLearner(CourseStructure learners, Set<GroupAccess.Group> groups) {
        if (!learners.restrictsGroups()) {
            return learners;
        }
        List<ChapterDefinition> chapters = learners.chapters().stream().filter(c -> c.access().allows(groups))
                .toList();
        List<SubsectionDefinition> subsections = new ArrayList<>();
        for (SubsectionDefinition subsection : learners.subsections()) {
            if (!subsection.access().allows(groups)) {
                continue;
            }
            List<ProblemDefinition> visible = subsection.problems().stream().filter(p -> p.access().allows(groups))
                    .toList();
            subsections.add(visible.size() == subsection.problems().size() ? subsection
                    : subsection.withProblems(visible));
        }
        return learners.keeping(chapters, subsections);
    }
}
