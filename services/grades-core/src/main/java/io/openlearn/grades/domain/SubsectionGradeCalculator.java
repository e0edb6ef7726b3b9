package io.openlearn.grades.domain;

import java.util.Map;

/**
 * Open edX's subsection grade: the weighted scores of its problems summed over all problems and over the graded
 * ones. Problems inherit {@code graded} from their subsection, so an ungraded subsection has 0 of 0 graded.
 */
public final class SubsectionGradeCalculator {

    private SubsectionGradeCalculator() {
    }

    /** @param scores the learner's scores by problem key; a missing problem is unattempted */
    public static SubsectionGrade grade(SubsectionDefinition subsection, Map<String, ProblemScore> scores,
            SubsectionOverride override) {
        double earnedAll = 0;
        double possibleAll = 0;
        for (ProblemDefinition problem : subsection.problems()) {
            ProblemDefinition.WeightedScore weighted = problem.weigh(scores.get(problem.key()));
            earnedAll += weighted.earned();
            possibleAll += weighted.possible();
        }
        double earnedGraded = subsection.graded() ? earnedAll : 0;
        double possibleGraded = subsection.graded() ? possibleAll : 0;
        SubsectionGrade computed = new SubsectionGrade(subsection.key(), earnedGraded, possibleGraded, earnedAll,
                possibleAll, Rounding.subsectionPercent(earnedGraded, possibleGraded), false);
        return computed.overriddenBy(override);
    }
}
