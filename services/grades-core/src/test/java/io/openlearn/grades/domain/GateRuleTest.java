package io.openlearn.grades.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.courseware.GroupAccess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prerequisites and the entrance exam decided from a learner's grade, with the arithmetic written out. */
class GateRuleTest {

    private static final GradingPolicy POLICY = new GradingPolicy(1,
            List.of(new AssignmentType("Homework", 1, 0, 1.0, null)), Map.of("Pass", 0.5));
    private static final GroupAccess COHORT_B = GroupAccess.of(Map.of(101, List.of(2)));

    /**
     * exam chapter: "test" (p-t1 and p-t2, 1 point each, ungraded); week chapter: "hw1" (p1..p4, 1 point each,
     * graded), "hw2" gated on hw1 at 70 % (and, in {@link #completion}, 100 % attempted), "hw3" gated on "secret",
     * which only cohort B sees.
     */
    private static CourseStructure course(Gates gates) {
        List<SubsectionDefinition> subsections = List.of(
                new SubsectionDefinition("test", "Test", false, null, null,
                        List.of(new ProblemDefinition("p-t1", 1, null), new ProblemDefinition("p-t2", 1, null)),
                        "exam", null, false, false),
                new SubsectionDefinition("hw1", "HW 1", true, "Homework", null,
                        List.of(new ProblemDefinition("p1", 1, null), new ProblemDefinition("p2", 1, null),
                                new ProblemDefinition("p3", 1, null), new ProblemDefinition("p4", 1, null)),
                        "week", null, false, false),
                new SubsectionDefinition("hw2", "HW 2", true, "Homework", null,
                        List.of(new ProblemDefinition("p5", 1, null)), "week", null, false, false),
                new SubsectionDefinition("secret", "Secret", true, "Homework", null,
                        List.of(new ProblemDefinition("p6", 1, null)), "week", null, false, false, COHORT_B),
                new SubsectionDefinition("hw3", "HW 3", true, "Homework", null,
                        List.of(new ProblemDefinition("p7", 1, null)), "week", null, false, false));
        return new CourseStructure("course-v1:O+C+R", 1, List.of(new ChapterDefinition("exam", "Exam", null, false),
                new ChapterDefinition("week", "Week", null, false)), subsections, gates);
    }

    private static Gates prerequisites(double minCompletion) {
        return new Gates(Map.of("hw2", new Gates.Prerequisite("hw1", 70, minCompletion),
                "hw3", new Gates.Prerequisite("secret", 50, 0)), null);
    }

    private static Map<String, ProblemScore> scores(String... correctThenWrong) {
        Map<String, ProblemScore> scores = new java.util.HashMap<>();
        for (String entry : correctThenWrong) {
            boolean right = !entry.startsWith("-");
            scores.put(right ? entry : entry.substring(1), new ProblemScore(right ? 1 : 0, 1));
        }
        return scores;
    }

    private static List<GateRule.Standing> evaluate(CourseStructure structure, Set<GroupAccess.Group> groups,
            Map<String, ProblemScore> scores, boolean examPassedBefore) {
        CourseStructure theirs = VisibleBlocks.forLearner(structure, groups);
        CourseGrade grade = CourseGradeCalculator.grade(theirs, POLICY, scores, Map.of());
        return GateRule.evaluate(theirs, grade, scores, examPassedBefore);
    }

    private static GateRule.Standing standing(List<GateRule.Standing> standings, String gate) {
        return standings.stream().filter(s -> s.gate().equals(gate)).findFirst().orElseThrow();
    }

    @Test
    void aPrerequisiteOpensAtItsMinimumScoreAndClosesAgainBelowIt() {
        CourseStructure course = course(prerequisites(0));
        // hw1: 3 of 4 right = 3 * 100 / 4 = 75 % >= 70 %
        GateRule.Standing hw2 = standing(evaluate(course, Set.of(), scores("p1", "p2", "p3", "-p4"), false), "hw2");
        assertTrue(hw2.fulfilled());
        assertEquals(75.0, hw2.percent());
        assertEquals(100.0, hw2.completion());
        // 2 of 4 = 50 % < 70 %: lost again, as Open edX removes the milestone
        hw2 = standing(evaluate(course, Set.of(), scores("p1", "p2", "-p3", "-p4"), false), "hw2");
        assertFalse(hw2.fulfilled());
        assertEquals(50.0, hw2.percent());
        // no score yet: 0 % of 4 points, 0 of 4 problems attempted
        hw2 = standing(evaluate(course, Set.of(), Map.of(), false), "hw2");
        assertFalse(hw2.fulfilled());
        assertEquals(0.0, hw2.completion());
    }

    @Test
    void completionCountsTheProblemsAttemptedRightOrWrong() {
        CourseStructure course = course(prerequisites(100));
        // 3 of 4 right but p4 not attempted: 75 % score, 3 * 100 / 4 = 75 % completion < 100 %
        GateRule.Standing hw2 = standing(evaluate(course, Set.of(), scores("p1", "p2", "p3"), false), "hw2");
        assertFalse(hw2.fulfilled());
        assertEquals(75.0, hw2.completion());
        // p4 answered wrong: still 75 % score, now 100 % completion
        hw2 = standing(evaluate(course, Set.of(), scores("p1", "p2", "p3", "-p4"), false), "hw2");
        assertTrue(hw2.fulfilled());
    }

    @Test
    void aRequirementTheLearnerCannotSeeNeverHoldsThemBack() {
        CourseStructure course = course(prerequisites(0));
        GateRule.Standing outsideB = standing(evaluate(course, Set.of(), Map.of(), false), "hw3");
        assertTrue(outsideB.fulfilled(), "\"secret\" is cohort B's only: hw3 opens for everyone else");
        GateRule.Standing inB = standing(evaluate(course, Set.of(new GroupAccess.Group(101, 2)), Map.of(), false),
                "hw3");
        assertFalse(inB.fulfilled(), "cohort B sees \"secret\" and must reach 50 % on it");
        assertEquals(Map.of("hw2", new GateRule.Lock(GateRule.Kind.PREREQUISITE, "hw1", "HW 1", 70, 0)),
                GateRule.locks(VisibleBlocks.forLearner(course, Set.of()), Set.of()));
    }

    @Test
    void theEntranceExamLocksEveryOtherChapterUntilPassedAndStaysPassed() {
        CourseStructure course = course(new Gates(Map.of("hw2", new Gates.Prerequisite("hw1", 70, 0)),
                new Gates.EntranceExam("exam", 60)));
        CourseStructure theirs = VisibleBlocks.forLearner(course, Set.of());
        // the exam's points, graded or not: 1 of 2 = 50 % < 60 %
        GateRule.Standing exam = standing(evaluate(course, Set.of(), scores("p-t1", "-p-t2"), false), "exam");
        assertFalse(exam.fulfilled());
        assertEquals(50.0, exam.percent());
        Map<String, GateRule.Lock> locks = GateRule.locks(theirs, Set.of());
        assertEquals(List.of("hw1", "hw2", "hw3"), List.copyOf(locks.keySet()), "all but the exam's subsection");
        assertEquals(new GateRule.Lock(GateRule.Kind.ENTRANCE_EXAM, "exam", "Exam", 60, 0), locks.get("hw2"));
        // 2 of 2 = 100 %: passed; only the prerequisite still locks hw2
        assertTrue(standing(evaluate(course, Set.of(), scores("p-t1", "p-t2"), false), "exam").fulfilled());
        assertEquals(Set.of("hw2"), GateRule.locks(theirs, Set.of("exam")).keySet());
        // a later 0 % does not lock the course again
        assertTrue(standing(evaluate(course, Set.of(), scores("-p-t1", "-p-t2"), true), "exam").fulfilled());
    }

    @Test
    void aGatedSubsectionOutsideTheLearnersGroupsIsNoGateOfTheirs() {
        CourseStructure course = course(new Gates(Map.of("secret", new Gates.Prerequisite("hw1", 70, 0)), null));
        assertTrue(evaluate(course, Set.of(), Map.of(), false).isEmpty());
        assertEquals(1, evaluate(course, Set.of(new GroupAccess.Group(101, 2)), Map.of(), false).size());
    }
}
