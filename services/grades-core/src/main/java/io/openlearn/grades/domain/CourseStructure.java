package io.openlearn.grades.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The grading structure of one published content version: chapters and subsections in course order. */
public record CourseStructure(String courseKey, long version, List<ChapterDefinition> chapters,
        List<SubsectionDefinition> subsections) {

    public CourseStructure {
        chapters = List.copyOf(chapters);
        subsections = List.copyOf(subsections);
    }

    public CourseStructure(String courseKey, long version, List<SubsectionDefinition> subsections) {
        this(courseKey, version, List.of(), subsections);
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
