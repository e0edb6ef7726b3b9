package io.openlearn.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureCollectorTest {

    private static BlockContent sequential(String name, boolean graded, String format, Instant due) {
        return new BlockContent(name, graded, format, due, null, null, null, null);
    }

    private static BlockContent problem(double maxScore, Double weight) {
        return new BlockContent("Q", null, null, null, null, null, null,
                new Problem(Problem.Kind.NUMERICAL, "?", null, null, null, 1.0, null, null, null, null, maxScore,
                        weight, null));
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
        assertEquals(new GradingStructure.ProblemWeight("p1", 2, 5.0), structure.subsections().get(0).problems().get(0));
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
}
