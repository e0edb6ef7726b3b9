package io.openlearn.grades.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.courseware.GroupAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every Open edX grading rule, each against an expectation computed by hand (the arithmetic is in the comments). */
class GradingEngineTest {

    private static final Map<String, Double> CUTOFFS = Map.of("A", 0.9, "B", 0.8, "C", 0.5);

    @Test
    void unweightedProblemKeepsItsRawScore() {
        ProblemDefinition problem = new ProblemDefinition("p", 3, null);
        assertEquals(new ProblemDefinition.WeightedScore(2, 3), problem.weigh(new ProblemScore(2, 3)));
    }

    @Test
    void weightedProblemScalesEarnedToTheWeight() {
        // 2 of 4 raw, weight 10: 2 * 10 / 4 = 5 of 10
        ProblemDefinition problem = new ProblemDefinition("p", 4, 10.0);
        assertEquals(new ProblemDefinition.WeightedScore(5, 10), problem.weigh(new ProblemScore(2, 4)));
    }

    @Test
    void weightIsIgnoredWhenRawPossibleIsZero() {
        ProblemDefinition problem = new ProblemDefinition("p", 0, 10.0);
        assertEquals(new ProblemDefinition.WeightedScore(0, 0), problem.weigh(null));
    }

    @Test
    void unattemptedProblemCountsZeroOfItsMaximumWeighted() {
        // no score: 0 of max 2; with weight 5: 0 * 5 / 2 = 0 of 5
        assertEquals(new ProblemDefinition.WeightedScore(0, 2), new ProblemDefinition("p", 2, null).weigh(null));
        assertEquals(new ProblemDefinition.WeightedScore(0, 5), new ProblemDefinition("p", 2, 5.0).weigh(null));
    }

    @Test
    void resetScoreCountsAsUnattempted() {
        assertEquals(new ProblemDefinition.WeightedScore(0, 2),
                new ProblemDefinition("p", 2, null).weigh(new ProblemScore(0, 0)));
    }

    @Test
    void subsectionSumsWeightedScoresOfAllAndGradedProblems() {
        // p1 1/2 unweighted; p2 3/3 weight 2 -> 2/2; p3 unattempted max 1 -> 0/1. earned 3, possible 5, 0.6
        SubsectionDefinition hw = graded("hw1", "Homework", problem("p1", 2, null), problem("p2", 3, 2.0),
                problem("p3", 1, null));
        SubsectionGrade grade = SubsectionGradeCalculator.grade(hw,
                Map.of("p1", new ProblemScore(1, 2), "p2", new ProblemScore(3, 3)), null);
        assertEquals(3, grade.earnedAll(), 1e-12);
        assertEquals(5, grade.possibleAll(), 1e-12);
        assertEquals(3, grade.earnedGraded(), 1e-12);
        assertEquals(5, grade.possibleGraded(), 1e-12);
        assertEquals(0.6, grade.percent());
    }

    @Test
    void ungradedSubsectionHasZeroOfZeroGradedAndZeroPercent() {
        SubsectionDefinition practice = new SubsectionDefinition("s", null, false, null, null,
                List.of(problem("p1", 2, null)));
        SubsectionGrade grade = SubsectionGradeCalculator.grade(practice, Map.of("p1", new ProblemScore(2, 2)), null);
        assertEquals(2, grade.earnedAll());
        assertEquals(0, grade.possibleGraded());
        assertEquals(0, grade.percent());
    }

    @Test
    void subsectionWithNothingPossibleHasZeroPercent() {
        assertEquals(0, Rounding.subsectionPercent(0, 0));
        SubsectionGrade empty = SubsectionGradeCalculator.grade(graded("e", "Homework"), Map.of(), null);
        assertEquals(0, empty.percent());
    }

    @Test
    void subsectionPercentRoundsLikeNumpyAroundHalfToEvenOnTheBinaryValue() {
        // 0.505 * 100 = 50.5 exactly in doubles; half to even -> 50 -> 0.50 (Python's round() would say 0.51)
        assertEquals(0.5, Rounding.subsectionPercent(0.505, 1));
        // 0.515 * 100 = 51.5 -> half to even 52 -> 0.52
        assertEquals(0.52, Rounding.subsectionPercent(0.515, 1));
        // 0.125 * 100 = 12.5 -> 12 -> 0.12; 0.135 * 100 = 13.5 -> 14 -> 0.14
        assertEquals(0.12, Rounding.subsectionPercent(1, 8));
        assertEquals(0.14, Rounding.subsectionPercent(0.135, 1));
        // 2/3 = 0.6666.. -> 66.66.. -> 67 -> 0.67
        assertEquals(0.67, Rounding.subsectionPercent(2, 3));
        // 0.8949999 -> 89.49999 -> 89 -> 0.89
        assertEquals(0.89, Rounding.subsectionPercent(0.8949999, 1));
    }

    @Test
    void coursePercentAddsFiveHundredthsThenRoundsHalfAwayFromZero() {
        // 0.8949999 * 100 + 0.05 = 89.54999 -> floor(90.04999) = 90 -> 0.90
        assertEquals(0.9, Rounding.coursePercent(0.8949999));
        // 0.505 * 100 + 0.05 = 50.55 -> floor(51.05) = 51 -> 0.51
        assertEquals(0.51, Rounding.coursePercent(0.505));
        // 0.8940 * 100 + 0.05 = 89.45 -> floor(89.95) = 89 -> 0.89
        assertEquals(0.89, Rounding.coursePercent(0.894));
        // 0.8945 -> 89.45 + 0.05 = 89.5 -> floor(90.0) = 90 -> 0.90
        assertEquals(0.9, Rounding.coursePercent(0.8945));
        assertEquals(0, Rounding.coursePercent(0));
        assertEquals(1, Rounding.coursePercent(1));
    }

    @Test
    void assignmentTypePadsWithZerosUpToMinCount() {
        // min 4, two done at 1.0 and 0.5 -> [1.0, 0.5, 0, 0], no drop -> 1.5 / 4 = 0.375
        AssignmentTypeGrade grade = AssignmentTypeGrader.grade(type("Homework", 4, 0, 1), List.of(1.0, 0.5));
        assertEquals(List.of(1.0, 0.5, 0.0, 0.0), grade.percents());
        assertEquals(0.375, grade.average());
    }

    @Test
    void minCountIsMootWhenThereAreMoreSubsections() {
        // min 2, three subsections -> (0.3 + 0.6 + 0.9) / 3 = 0.6
        AssignmentTypeGrade grade = AssignmentTypeGrader.grade(type("Lab", 2, 0, 1), List.of(0.3, 0.6, 0.9));
        assertEquals(3, grade.percents().size());
        assertEquals(0.6, grade.average(), 1e-12);
    }

    @Test
    void dropsTheLowestPercentsAfterPadding() {
        // min 5, [0.8, 0.4, 1.0] padded [0.8, 0.4, 1.0, 0, 0], drop 2 -> the two zeros; (0.8+0.4+1.0)/3 = 0.7333..
        AssignmentTypeGrade grade = AssignmentTypeGrader.grade(type("Homework", 5, 2, 1), List.of(0.8, 0.4, 1.0));
        assertEquals(List.of(false, false, false, true, true), grade.dropped());
        assertEquals(2.2 / 3, grade.average(), 1e-12);
    }

    @Test
    void amongEqualLowestPercentsTheLaterOneIsDropped() {
        // [0.5, 0.9, 0.5] drop 1: stable sort descending [0.9, 0.5(i0), 0.5(i2)], tail = index 2
        AssignmentTypeGrade grade = AssignmentTypeGrader.grade(type("Quiz", 0, 1, 1), List.of(0.5, 0.9, 0.5));
        assertEquals(List.of(false, false, true), grade.dropped());
        assertEquals(0.7, grade.average(), 1e-12);
    }

    @Test
    void droppingEverythingAveragesZero() {
        AssignmentTypeGrade grade = AssignmentTypeGrader.grade(type("Quiz", 1, 3, 1), List.of(1.0));
        assertEquals(List.of(true), grade.dropped());
        assertEquals(0, grade.average());
    }

    @Test
    void noSubsectionsAndNoMinCountAveragesZero() {
        assertEquals(0, AssignmentTypeGrader.grade(type("Exam", 0, 0, 1), List.of()).average());
    }

    @Test
    void coursePercentIsTheWeightedSumOfTypeAveragesRoundedAndLettered() {
        // Homework 0.75 weight, min 2 drop 0: hw1 1/2 = 0.5, hw2 2/2 = 1.0 -> 0.75 * 0.75 = 0.5625
        // Exam 0.25 weight: exam 3/4 = 0.75 -> 0.1875. Sum 0.75 -> 75 + 0.05 -> floor(75.55) = 75 -> 0.75 -> C
        CourseStructure course = course(graded("hw1", "Homework", problem("a", 2, null)),
                graded("hw2", "Homework", problem("b", 2, null)), graded("exam", "Exam", problem("c", 4, null)));
        GradingPolicy policy = new GradingPolicy(1, List.of(type("Homework", 2, 0, 0.75), type("Exam", 1, 0, 0.25)),
                CUTOFFS);
        CourseGrade grade = CourseGradeCalculator.grade(course, policy,
                Map.of("a", new ProblemScore(1, 2), "b", new ProblemScore(2, 2), "c", new ProblemScore(3, 4)),
                Map.of());
        assertEquals(0.75, grade.percent());
        assertEquals("C", grade.letterGrade());
        assertTrue(grade.passed());
        assertEquals(0.5625, grade.breakdown().get(0).contribution(), 1e-12);
    }

    @Test
    void weightsAboveOneGiveExtraCredit() {
        // Homework weight 1.0 at 0.9 and Bonus weight 0.2 at 1.0 -> 1.1 -> 110.05 -> floor(110.55) = 110 -> 1.10
        CourseStructure course = course(graded("hw", "Homework", problem("a", 10, null)),
                graded("bonus", "Bonus", problem("b", 1, null)));
        GradingPolicy policy = new GradingPolicy(1, List.of(type("Homework", 1, 0, 1.0), type("Bonus", 1, 0, 0.2)),
                CUTOFFS);
        CourseGrade grade = CourseGradeCalculator.grade(course, policy,
                Map.of("a", new ProblemScore(9, 10), "b", new ProblemScore(1, 1)), Map.of());
        assertEquals(1.1, grade.percent());
        assertEquals("A", grade.letterGrade());
    }

    @Test
    void courseRoundingEdgeLiftsJustBelowHalfAHundredthIntoTheNextGrade() {
        // one type weight 1 with subsection percent 0.89 lands at 0.89; then 0.8949999 course total -> 0.90 -> A
        GradingPolicy policy = new GradingPolicy(1, List.of(type("Homework", 1, 0, 0.8949999)), CUTOFFS);
        CourseStructure course = course(graded("hw", "Homework", problem("a", 1, null)));
        CourseGrade grade = CourseGradeCalculator.grade(course, policy, Map.of("a", new ProblemScore(1, 1)), Map.of());
        assertEquals(0.9, grade.percent());
        assertEquals("A", grade.letterGrade());
    }

    @Test
    void subsectionsOfFormatsWithoutAnAssignmentTypeAndUngradedOnesCountForNothing() {
        CourseStructure course = course(graded("hw", "Homework", problem("a", 1, null)),
                graded("x", "Unknown", problem("b", 1, null)),
                new SubsectionDefinition("p", null, false, "Homework", null, List.of(problem("c", 1, null))));
        GradingPolicy policy = new GradingPolicy(1, List.of(type("Homework", 0, 0, 1)), CUTOFFS);
        CourseGrade grade = CourseGradeCalculator.grade(course, policy,
                Map.of("a", new ProblemScore(0, 1), "b", new ProblemScore(1, 1), "c", new ProblemScore(1, 1)),
                Map.of());
        assertEquals(List.of(0.0), grade.breakdown().get(0).percents());
        assertEquals(0, grade.percent());
    }

    @Test
    void letterIsTheHighestCutoffReachedAndNoneBelowTheLowest() {
        GradingPolicy policy = new GradingPolicy(1, List.of(), CUTOFFS);
        assertEquals("A", policy.letterFor(0.9).orElseThrow());
        assertEquals("B", policy.letterFor(0.89).orElseThrow());
        assertEquals("C", policy.letterFor(0.5).orElseThrow());
        assertTrue(policy.letterFor(0.49).isEmpty());
        assertTrue(policy.passes(0.5));
        assertFalse(policy.passes(0.49));
    }

    @Test
    void policyWithoutNonZeroCutoffsPassesNobody() {
        assertFalse(new GradingPolicy(1, List.of(), Map.of()).passes(1));
        assertNull(new GradingPolicy(1, List.of(), Map.of()).letterFor(1).orElse(null));
    }

    @Test
    void overrideReplacesOnlyTheValuesItSetsAndThePercentFollows() {
        // computed 1/2 graded; override earned graded 1.8 -> 1.8/2 = 0.9; all-values stay computed
        SubsectionDefinition hw = graded("hw", "Homework", problem("a", 2, null));
        SubsectionGrade grade = SubsectionGradeCalculator.grade(hw, Map.of("a", new ProblemScore(1, 2)),
                new SubsectionOverride(1.8, null, null, null));
        assertEquals(1.8, grade.earnedGraded());
        assertEquals(2, grade.possibleGraded());
        assertEquals(1, grade.earnedAll());
        assertEquals(0.9, grade.percent());
        assertTrue(grade.overridden());
    }

    @Test
    void overrideChangesTheCourseGrade() {
        // hw 0/2 overridden to 2/2 -> Homework 1.0 * 1 -> 1.00 -> A
        CourseStructure course = course(graded("hw", "Homework", problem("a", 2, null)));
        GradingPolicy policy = new GradingPolicy(1, List.of(type("Homework", 1, 0, 1)), CUTOFFS);
        CourseGrade grade = CourseGradeCalculator.grade(course, policy, Map.of(),
                Map.of("hw", new SubsectionOverride(2.0, 2.0, null, null)));
        assertEquals(1, grade.percent());
        assertEquals("A", grade.letterGrade());
    }

    @Test
    void overrideMustSetSomethingAndNothingNegative() {
        assertThrows(IllegalArgumentException.class, () -> new SubsectionOverride(null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SubsectionOverride(-1.0, null, null, null));
    }

    @Test
    void gradesFreezeTheConfiguredDaysAfterCourseEnd() {
        GradeFreeze freeze = new GradeFreeze(Duration.ofDays(30));
        Instant end = Instant.parse("2026-01-01T00:00:00Z");
        assertFalse(freeze.frozen(end, end.plus(Duration.ofDays(30))));
        assertTrue(freeze.frozen(end, end.plus(Duration.ofDays(30)).plusSeconds(1)));
        assertFalse(freeze.frozen(null, Instant.now()));
    }

    @Test
    void staffOnlyProblemCountsNeitherEarnedNorPossibleForLearners() {
        // hw: a 2/2, staff-only b (3 possible, 3 earned by a staff tester) -> learners: 2 of 2 = 1.0, not 5 of 5
        // and not 2 of 5
        CourseStructure course = course(graded("hw", "Homework", problem("a", 2, null),
                new ProblemDefinition("b", 3, null, true)));
        SubsectionDefinition visible = VisibleBlocks.forLearners(course).subsections().get(0);
        SubsectionGrade grade = SubsectionGradeCalculator.grade(visible,
                Map.of("a", new ProblemScore(2, 2), "b", new ProblemScore(3, 3)), null);
        assertEquals(2, grade.earnedGraded());
        assertEquals(2, grade.possibleGraded());
        assertEquals(1, grade.percent());
    }

    @Test
    void staffOnlySubsectionIsNotAnAssignmentOfItsType() {
        // Homework min 2, drop 0. Learners have hw1 1/1 and hw3 1/1: (1 + 1) / 2 = 1.0 -> A. Had the staff-only
        // hw2 (0 of 1) counted: (1 + 0 + 1) / 3 = 0.67 -> C
        CourseStructure course = course(graded("hw1", "Homework", problem("a", 1, null)),
                new SubsectionDefinition("hw2", null, true, "Homework", null, List.of(problem("b", 1, null)), null,
                        null, true, false),
                graded("hw3", "Homework", problem("c", 1, null)));
        GradingPolicy policy = new GradingPolicy(1, List.of(type("Homework", 2, 0, 1)), CUTOFFS);
        CourseStructure forLearners = VisibleBlocks.forLearners(course);
        assertEquals(List.of("hw1", "hw3"), forLearners.subsections().stream().map(SubsectionDefinition::key).toList());
        CourseGrade grade = CourseGradeCalculator.grade(forLearners, policy,
                Map.of("a", new ProblemScore(1, 1), "c", new ProblemScore(1, 1)), Map.of());
        assertEquals(1, grade.percent());
        assertEquals("A", grade.letterGrade());
    }

    @Test
    void problemsReleasedLaterStillCountAsZeroOfTheirPoints() {
        // a released 1/1, b released tomorrow (not answered): 1 of 2 = 0.5, the same before and after b's release
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        CourseStructure course = course(new SubsectionDefinition("hw", null, true, "Homework", null,
                List.of(problem("a", 1, null), problem("b", 1, null)), "ch", tomorrow, false, false));
        SubsectionGrade grade = SubsectionGradeCalculator.grade(VisibleBlocks.forLearners(course).subsections().get(0),
                Map.of("a", new ProblemScore(1, 1)), null);
        assertEquals(0.5, grade.percent());
    }

    @Test
    void aSubsectionForAnotherCohortIsNotAnAssignmentOfTheLearnersType() {
        // Homework min 2, drop 0. hwA is for content group 1 of partition 101, hwB for group 2, hw for everyone.
        // A learner in group 1 with hwA 1/1 and hw 1/1: (1 + 1) / 2 = 1.0 -> A; hwB is not in their course.
        // A learner in group 2 with hw 1/1 only: (0 [hwB] + 1) / 2 = 0.5 -> F.
        GroupAccess groupA = GroupAccess.of(Map.of(101, List.of(1)));
        GroupAccess groupB = GroupAccess.of(Map.of(101, List.of(2)));
        CourseStructure course = course(restricted("hwA", groupA, problem("a", 1, null)),
                restricted("hwB", groupB, problem("b", 1, null)), graded("hw", "Homework", problem("c", 1, null)));
        GradingPolicy policy = new GradingPolicy(1, List.of(type("Homework", 2, 0, 1)), CUTOFFS);
        Map<String, ProblemScore> scores = Map.of("a", new ProblemScore(1, 1), "c", new ProblemScore(1, 1));

        CourseStructure inA = VisibleBlocks.forLearner(course, Set.of(new GroupAccess.Group(101, 1)));
        assertEquals(List.of("hwA", "hw"), inA.subsections().stream().map(SubsectionDefinition::key).toList());
        assertEquals(1, CourseGradeCalculator.grade(inA, policy, scores, Map.of()).percent());
        CourseStructure inB = VisibleBlocks.forLearner(course, Set.of(new GroupAccess.Group(101, 2)));
        assertEquals(0.5, CourseGradeCalculator.grade(inB, policy, Map.of("c", new ProblemScore(1, 1)), Map.of())
                .percent());
    }

    @Test
    void aVerifiedOnlyProblemCountsNeitherEarnedNorPossibleForAnAuditLearner() {
        // hw: a 1/2, verified-only b (partition 50, group 2) 3 possible. Audit (50: 1): 1 of 2 = 0.5.
        // Verified (50: 2) who earned 3 on b: (1 + 3) of (2 + 3) = 0.8.
        CourseStructure course = course(graded("hw", "Homework", problem("a", 2, null),
                new ProblemDefinition("b", 3, null, false, GroupAccess.of(Map.of(50, List.of(2))))));
        Map<String, ProblemScore> scores = Map.of("a", new ProblemScore(1, 2), "b", new ProblemScore(3, 3));
        SubsectionDefinition audit = VisibleBlocks.forLearner(course, Set.of(new GroupAccess.Group(50, 1)))
                .subsections().get(0);
        assertEquals(0.5, SubsectionGradeCalculator.grade(audit, scores, null).percent());
        SubsectionDefinition verified = VisibleBlocks.forLearner(course, Set.of(new GroupAccess.Group(50, 2)))
                .subsections().get(0);
        assertEquals(0.8, SubsectionGradeCalculator.grade(verified, scores, null).percent());
        assertTrue(course.restrictsGroups());
        // a course without restrictions is every learner's as it is
        CourseStructure open = course(graded("x", "Homework", problem("c", 1, null)));
        assertSame(open, VisibleBlocks.forLearner(open, Set.of()));
    }

    private static SubsectionDefinition restricted(String key, GroupAccess access, ProblemDefinition... problems) {
        return new SubsectionDefinition(key, null, true, "Homework", null, List.of(problems), null, null, false, false,
                access);
    }

    private static AssignmentType type(String name, int min, int drop, double weight) {
        return new AssignmentType(name, min, drop, weight, null);
    }

    private static ProblemDefinition problem(String key, double max, Double weight) {
        return new ProblemDefinition(key, max, weight);
    }

    private static SubsectionDefinition graded(String key, String format, ProblemDefinition... problems) {
        return new SubsectionDefinition(key, null, true, format, null, List.of(problems));
    }

    private static CourseStructure course(SubsectionDefinition... subsections) {
        return new CourseStructure("course-v1:O+N+R", 1, List.of(subsections));
    }
}
