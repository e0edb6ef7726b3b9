package io.openlearn.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.courseware.LearnerAccess;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleIndexTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final LearnerAccess LEARNER = new LearnerAccess(true, null, 0, false);
    private static final LearnerAccess BETA = new LearnerAccess(true, null, 2, true);

    private static BlockContent block(Instant start, Boolean staffOnly, Boolean hideAfterDue, Instant due) {
        return new BlockContent("x", null, null, due, null, null, null, null, start, staffOnly, hideAfterDue, null,
                null, null, null);
    }

    private static ScheduleIndex course() {
        ScheduleIndex index = new ScheduleIndex();
        index.accept("course", BlockType.COURSE, null, null);
        index.accept("week1", BlockType.CHAPTER, "course", block(NOW.minusSeconds(86_400), null, null, null));
        index.accept("tomorrow", BlockType.CHAPTER, "course", block(NOW.plusSeconds(86_400), null, null, null));
        index.accept("seq-future", BlockType.SEQUENTIAL, "tomorrow", block(null, null, null, null));
        index.accept("html-future", BlockType.HTML, "seq-future", null);
        index.accept("seq", BlockType.SEQUENTIAL, "week1", block(null, null, null, null));
        index.accept("unit", BlockType.VERTICAL, "seq", null);
        index.accept("staff-problem", BlockType.PROBLEM, "unit", block(null, true, null, null));
        index.accept("problem", BlockType.PROBLEM, "unit", null);
        index.accept("exam", BlockType.SEQUENTIAL, "week1", block(null, null, true, NOW.minusSeconds(60)));
        index.accept("exam-unit", BlockType.VERTICAL, "exam", null);
        return index;
    }

    @Test
    void aLearnerSeesReleasedNonStaffBlocksOnly() {
        ScheduleIndex index = course();
        assertTrue(index.visibleTo("problem", LEARNER, NOW, Map.of()));
        assertFalse(index.visibleTo("staff-problem", LEARNER, NOW, Map.of()));
        assertFalse(index.visibleTo("tomorrow", LEARNER, NOW, Map.of()));
        assertFalse(index.visibleTo("html-future", LEARNER, NOW, Map.of()),
                "a child inherits its chapter's release date");
        assertEquals(NOW.plusSeconds(86_400), index.of("html-future").start());
    }

    @Test
    void aBetaTesterSeesReleasesTheirHeadStartEarly() {
        assertTrue(course().visibleTo("html-future", BETA, NOW, Map.of()));
        assertFalse(course().visibleTo("staff-problem", BETA, NOW, Map.of()));
    }

    @Test
    void hideAfterDueKeepsTheSubsectionButHidesItsContentOnceDue() {
        ScheduleIndex index = course();
        assertTrue(index.visibleTo("exam", LEARNER, NOW, Map.of()));
        assertFalse(index.visibleTo("exam-unit", LEARNER, NOW, Map.of()));
        assertTrue(index.visibleTo("exam-unit", LEARNER, NOW.minusSeconds(120), Map.of()),
                "before the due date it shows");
        assertTrue(index.hidesAfterDue());
    }

    @Test
    void aLearnersExtensionKeepsHiddenAfterDueContentOpenUntilTheExtendedDate() {
        ScheduleIndex index = course();
        assertTrue(index.visibleTo("exam-unit", LEARNER, NOW, Map.of("exam", NOW.plusSeconds(3_600))));
        assertFalse(index.visibleTo("exam-unit", LEARNER, NOW, Map.of("exam", NOW.minusSeconds(1))));
    }
}
