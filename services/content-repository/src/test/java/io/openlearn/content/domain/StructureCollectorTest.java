package io.openlearn.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.courseware.GroupAccess;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructureCollectorTest {

    private static BlockContent sequential(String name, boolean graded, String format, Instant due) {
        return new BlockContent(name, graded, format, due, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private static BlockContent problem(double maxScore, Double weight) {
        return staffOnlyProblem(maxScore, weight, null);
    }

    private static BlockContent staffOnlyProblem(double maxScore, Double weight, Boolean staffOnly) {
        return new BlockContent("Q", null, null, null, null, null, null,
                new Problem(Problem.Kind.NUMERICAL, "?", null, null, null, 1.0, null, null, null, null, maxScore,
                        weight, null),
                null, staffOnly, null, null, null, null, null);
    }

    private static BlockContent scheduled(String name, Instant start, Boolean staffOnly, Boolean hideAfterDue) {
        return new BlockContent(name, null, null, null, null, null, null, null, start, staffOnly, hideAfterDue, null,
                null, null, null);
    }

    private static GradingStructure collect(BlockContent hw, BlockContent p1) {
        StructureCollector collector = new StructureCollector();
        collector.accept("ch", BlockType.CHAPTER, BlockContent.named("Week"));
        collector.accept("hw", BlockType.SEQUENTIAL, hw);
        collector.accept("v", BlockType.VERTICAL, BlockContent.named("Unit"));
        collector.accept("p1", BlockType.PROBLEM, p1);
        collector.accept("lesson", BlockType.SEQUENTIAL, sequential("Lesson", false, null, null));
        collector.accept("p2", BlockType.PROBLEM, problem(1, null));
        return collector.finish("course-v1:A+B+C", 1, Instant.EPOCH);
    }

    @Test
    void subsectionsCarryTheirProblemsInCourseOrder() {
        GradingStructure structure = collect(sequential("HW", true, "Homework", Instant.EPOCH), problem(2, 5.0));
        assertEquals(List.of("hw", "lesson"), structure.subsections().stream().map(s -> s.key()).toList());
        assertEquals(new GradingStructure.ProblemWeight("p1", 2, 5.0, null, false, GroupAccess.OPEN),
                structure.subsections().get(0).problems().get(0));
        assertEquals(2, structure.problemCount());
    }

    @Test
    void theDigestIgnoresNamesAndDueDatesButNotWeightsFormatsOrGradedFlags() {
        String base = collect(sequential("HW", true, "Homework", Instant.EPOCH), problem(2, 5.0)).gradingDigest();
        assertEquals(base, collect(sequential("Renamed", true, "Homework", Instant.now()), problem(2, 5.0))
                .gradingDigest());
        assertNotEquals(base, collect(sequential("HW", true, "Exam", Instant.EPOCH), problem(2, 5.0)).gradingDigest());
        assertNotEquals(base, collect(sequential("HW", false, "Homework", Instant.EPOCH), problem(2, 5.0))
                .gradingDigest());
        assertNotEquals(base, collect(sequential("HW", true, "Homework", Instant.EPOCH), problem(3, 5.0))
                .gradingDigest());
        assertNotEquals(base, collect(sequential("HW", true, "Homework", Instant.EPOCH), problem(2, null))
                .gradingDigest());
    }

    @Test
    void releaseDatesAndStaffOnlyFlagsAreInheritedDownTheTree() {
        Instant chapterStart = Instant.parse("2030-01-10T00:00:00Z");
        Instant earlier = Instant.parse("2030-01-01T00:00:00Z");
        Instant later = Instant.parse("2030-02-01T00:00:00Z");
        StructureCollector collector = new StructureCollector();
        collector.accept("ch", BlockType.CHAPTER, scheduled("Week", chapterStart, null, null));
        // a subsection set to open before its chapter opens with the chapter (Open edX: no earlier than its parent)
        collector.accept("hw", BlockType.SEQUENTIAL, new BlockContent("HW", true, "Homework", null, null, null, null,
                null, earlier, null, true, null, null, null, null));
        collector.accept("v1", BlockType.VERTICAL, scheduled("Unit", later, null, null));
        collector.accept("p1", BlockType.PROBLEM, problem(1, null));
        collector.accept("v2", BlockType.VERTICAL, scheduled("Staff unit", null, true, null));
        collector.accept("p2", BlockType.PROBLEM, problem(1, null));
        collector.accept("p3", BlockType.PROBLEM, staffOnlyProblem(1, null, true));
        collector.accept("ch2", BlockType.CHAPTER, scheduled("Hidden week", null, true, null));
        collector.accept("exam", BlockType.SEQUENTIAL, sequential("Exam", true, "Exam", null));
        GradingStructure structure = collector.finish("course-v1:A+B+C", 1, Instant.EPOCH);

        GradingStructure.Subsection hw = structure.subsections().get(0);
        assertEquals(chapterStart, hw.start());
        assertTrue(hw.hideAfterDue());
        assertEquals("ch", hw.chapter());
        assertEquals(new GradingStructure.ProblemWeight("p1", 1, null, later, false, GroupAccess.OPEN),
                hw.problems().get(0));
        assertEquals(new GradingStructure.ProblemWeight("p2", 1, null, chapterStart, true,
                GroupAccess.OPEN), hw.problems().get(1));
        assertTrue(hw.problems().get(2).visibleToStaffOnly());
        assertFalse(hw.visibleToStaffOnly());
        assertTrue(structure.subsections().get(1).visibleToStaffOnly(), "a staff-only chapter hides its subsections");
        assertEquals(List.of(new GradingStructure.Chapter("ch", "Week", chapterStart, false, GroupAccess.OPEN),
                new GradingStructure.Chapter("ch2", "Hidden week", null, true, GroupAccess.OPEN)),
                structure.chapters());
    }

    @Test
    void makingAProblemStaffOnlyChangesTheDigestButAReleaseDateDoesNot() {
        String base = collect(sequential("HW", true, "Homework", Instant.EPOCH), problem(2, 5.0)).gradingDigest();
        assertNotEquals(base, collect(sequential("HW", true, "Homework", Instant.EPOCH),
                staffOnlyProblem(2, 5.0, true)).gradingDigest());
        BlockContent released = new BlockContent("HW", true, "Homework", Instant.EPOCH, null, null, null, null,
                Instant.parse("2030-01-01T00:00:00Z"), null, null, null, null, null, null);
        assertEquals(base, collect(released, problem(2, 5.0)).gradingDigest());
    }

    private static BlockContent restricted(String name, Map<Integer, List<Integer>> access) {
        return new BlockContent(name, null, null, null, null, null, null, null, null, null, null,
                GroupAccess.of(access), null, null, null);
    }

    @Test
    void groupAccessIsInheritedAsTheGroupsEveryAncestorAllowsAndIsPartOfTheDigest() {
        StructureCollector collector = new StructureCollector();
        // chapter: content groups 1 or 2 of partition 101; unit: group 2 of 101 and verified (50: 2); problem: open
        collector.accept("ch", BlockType.CHAPTER, restricted("Week", Map.of(101, List.of(1, 2))));
        collector.accept("hw", BlockType.SEQUENTIAL, sequential("HW", true, "Homework", null));
        collector.accept("v1", BlockType.VERTICAL, restricted("Unit", Map.of(101, List.of(2, 3), 50, List.of(2))));
        collector.accept("p1", BlockType.PROBLEM, problem(1, null));
        GradingStructure structure = collector.finish("course-v1:A+B+C", 1, Instant.EPOCH);

        assertEquals(GroupAccess.of(Map.of(101, List.of(1, 2))), structure.chapters().get(0).groupAccess());
        assertEquals(GroupAccess.of(Map.of(101, List.of(1, 2))), structure.subsections().get(0).groupAccess());
        // {1, 2} of the chapter and {2, 3} of the unit leave group 2; the track partition comes from the unit alone
        assertEquals(GroupAccess.of(Map.of(101, List.of(2), 50, List.of(2))),
                structure.subsections().get(0).problems().get(0).groupAccess());

        StructureCollector open = new StructureCollector();
        open.accept("ch", BlockType.CHAPTER, scheduled("Week", null, null, null));
        open.accept("hw", BlockType.SEQUENTIAL, sequential("HW", true, "Homework", null));
        open.accept("v1", BlockType.VERTICAL, scheduled("Unit", null, null, null));
        open.accept("p1", BlockType.PROBLEM, problem(1, null));
        assertNotEquals(open.finish("course-v1:A+B+C", 1, Instant.EPOCH).gradingDigest(), structure.gradingDigest());
    }
}
