package io.openlearn.grades.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grading structure of one published content version: chapters and subsections in course order, and its gates
 * (which decide what opens for a learner, never what counts in their grade).
 */
public record CourseStructure(String courseKey, long version, List<ChapterDefinition> chapters,
        List<SubsectionDefinition> subsections, Gates gates) {

    public CourseStructure {
        chapters = List.copyOf(chapters);
        subsections = List.copyOf(subsections);
        gates = gates == null ? Gates.NONE : gates;
    }

    /** A structure without gates. */
    public CourseStructure(String courseKey, long version, List<ChapterDefinition> chapters,
            List<SubsectionDefinition> subsections) {
        this(courseKey, version, chapters, subsections, Gates.NONE);
    }

    public CourseStructure(String courseKey, long version, List<SubsectionDefinition> subsections) {
        this(courseKey, version, List.of(), subsections);
    }

    /** The same version and gates with only these chapters and subsections (one learner's view of it). */
    public CourseStructure keeping(List<ChapterDefinition> keptChapters, List<SubsectionDefinition> keptSubsections) {
        return new CourseStructure(courseKey, version, keptChapters, keptSubsections, gates);
    }

    /** Problem key to the subsection that holds it, for routing one score to the one subsection it changes. */
    public Map<String, String> subsectionOfProblem() {
        Map<String, String> index = new HashMap<>();
        for (SubsectionDefinition subsection : subsections) {
            for (ProblemDefinition problem : subsection.problems()) {
                index.put(problem.key(), subsection.key());
            }
        }
        return index;
    }

    public Optional<SubsectionDefinition> subsection(String key) {
        return subsections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** Whether any chapter, subsection or problem is open only to some groups (then learners differ in it). */
    public boolean restrictsGroups() {
        return chapters.stream().anyMatch(c -> !c.access().isOpen())
                || subsections.stream().anyMatch(s -> !s.access().isOpen()
                        || s.problems().stream().anyMatch(p -> !p.access().isOpen()));
    }

    public int problemCount() {
        return subsections.stream().mapToInt(s -> s.problems().size()).sum();
    }
}
