package io.openlearn.grades.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open edX's course grade: per assignment type the graded subsections of that format in course order, graded by
 * {@link AssignmentTypeGrader}; the course percent is the sum of average * weight over the types (weights may sum
 * above 1: extra credit), rounded by {@link Rounding#coursePercent}; letter and passed from the cutoffs.
 */
public final class CourseGradeCalculator {

    private CourseGradeCalculator() {
    }

    /** Grades every subsection from scores, then the course. */
    public static CourseGrade grade(CourseStructure structure, GradingPolicy policy, Map<String, ProblemScore> scores,
            Map<String, SubsectionOverride> overrides) {
        List<SubsectionGrade> subsections = new ArrayList<>(structure.subsections().size());
        for (SubsectionDefinition subsection : structure.subsections()) {
            subsections.add(SubsectionGradeCalculator.grade(subsection, scores, overrides.get(subsection.key())));
        }
        return fromSubsections(structure, policy, subsections);
    }

    /**
     * The course grade from subsection grades already computed (persisted ones, or under a proposed policy).
     *
     * @param subsections one grade per subsection of {@code structure}, in the same order
     */
    public static CourseGrade fromSubsections(CourseStructure structure, GradingPolicy policy,
            List<SubsectionGrade> subsections) {
        Map<String, List<Double>> percentsByFormat = new HashMap<>();
        List<SubsectionDefinition> definitions = structure.subsections();
        for (int i = 0; i < definitions.size(); i++) {
            SubsectionDefinition definition = definitions.get(i);
            if (definition.graded() && definition.format() != null) {
                percentsByFormat.computeIfAbsent(definition.format(), f -> new ArrayList<>())
                        .add(subsections.get(i).percent());
            }
        }
        List<AssignmentTypeGrade> breakdown = new ArrayList<>(policy.assignmentTypes().size());
        double total = 0;
        for (AssignmentType type : policy.assignmentTypes()) {
            AssignmentTypeGrade graded = AssignmentTypeGrader.grade(type,
                    percentsByFormat.getOrDefault(type.type(), List.of()));
            breakdown.add(graded);
            total += graded.contribution();
        }
        double percent = Rounding.coursePercent(total);
        return new CourseGrade(percent, policy.letterFor(percent).orElse(null), policy.passes(percent), breakdown,
                subsections);
    }
}
