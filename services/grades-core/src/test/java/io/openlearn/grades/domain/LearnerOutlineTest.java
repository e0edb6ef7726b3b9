package io.openlearn.grades.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.kit.courseware.LearnerAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When the clock alone changes an outline: what a rendered outline may be kept until. */
class LearnerOutlineTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));
    private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));
    private static final LearnerAccess LEARNER = new LearnerAccess(true, NOW.minus(Duration.ofDays(7)), 0, false);
    private static final LearnerAccess BETA = new LearnerAccess(true, NOW.minus(Duration.ofDays(7)), 2, true);

    private static CourseStructure course() {
        return new CourseStructure("course-v1:O+N+R", 1, List.of(new ChapterDefinition("week1", "Week 1", null, false),
                new ChapterDefinition("week2", "Week 2", TOMORROW, false)),
                List.of(
                        new SubsectionDefinition("exam", "Exam", true, "Exam", IN_AN_HOUR, List.of(), "week1", null,
                                false,
                                true),
                        new SubsectionDefinition("hw2", "Homework 2", true, "Homework", null, List.of(), "week2",
                                TOMORROW,
                                false, false)));
    }

    private static LearnerOutline.LearnerFacts facts(LearnerAccess access, Map<String, Instant> extensions) {
        return new LearnerOutline.LearnerFacts(access, extensions, Map.of(), Map.of());
    }

    @Test
    void aLearnersOutlineChangesWhenTheHiddenAfterDueExamCloses() {
        assertEquals(IN_AN_HOUR, LearnerOutline.nextChange(course(), OutlineView.LEARNER, facts(LEARNER, Map.of()),
                NOW));
    }

    @Test
    void anExtensionMovesThatMomentAndTheNextReleaseComesFirst() {
        assertEquals(TOMORROW, LearnerOutline.nextChange(course(), OutlineView.LEARNER,
                facts(LEARNER, Map.of("exam", TOMORROW.plus(Duration.ofDays(2)))), NOW));
    }

    @Test
    void aBetaTesterAlreadySeesTomorrowSoOnlyTheExamIsAhead() {
        // two days early: tomorrow's release is already theirs (it passed a day ago for them)
        assertEquals(IN_AN_HOUR, LearnerOutline.nextChange(course(), OutlineView.LEARNER, facts(BETA, Map.of()), NOW));
        List<LearnerOutline.Chapter> outline = LearnerOutline.build(course(), OutlineView.LEARNER,
                facts(BETA, Map.of()), false, NOW);
        assertEquals(2, outline.size());
    }

    @Test
    void theTeamsOutlineNeverChangesByTheClock() {
        assertEquals(Instant.MAX, LearnerOutline.nextChange(course(), OutlineView.STAFF, facts(null, Map.of()), NOW));
    }

    @Test
    void theExamIsOpenUntilItsDueDateAndClosedAfter() {
        LearnerOutline.Sequence before = LearnerOutline.build(course(), OutlineView.LEARNER, facts(LEARNER, Map.of()),
                false, NOW).get(0).sequences().get(0);
        LearnerOutline.Sequence after = LearnerOutline.build(course(), OutlineView.LEARNER, facts(LEARNER, Map.of()),
                false, IN_AN_HOUR.plusSeconds(1)).get(0).sequences().get(0);
        assertTrue(before.open());
        assertFalse(after.open());
        assertTrue(after.released());
    }

    @Test
    void aLearnersOutlineLeavesOutWhatTheirGroupsDoNotPassAndTheTeamsDoesNot() {
        // week1 holds "forA" (content group 101/1) and "verified" (track 50/2); a learner in 101/2 on audit sees neither
        GroupAccess forA = GroupAccess.of(Map.of(101, List.of(1)));
        GroupAccess verified = GroupAccess.of(Map.of(50, List.of(2)));
        CourseStructure course = new CourseStructure("course-v1:O+N+R", 1,
                List.of(new ChapterDefinition("week1", "Week 1", null, false)),
                List.of(new SubsectionDefinition("all", "All", false, null, null, List.of(), "week1", null, false,
                        false),
                        new SubsectionDefinition("forA", "For A", false, null, null, List.of(), "week1", null, false,
                                false, forA),
                        new SubsectionDefinition("verified", "Verified", false, null, null, List.of(), "week1", null,
                                false, false, verified)));
        LearnerAccess inB = new LearnerAccess(true, null, 0, false,
                Set.of(new GroupAccess.Group(101, 2), new GroupAccess.Group(50, 1)));
        LearnerAccess inAVerified = new LearnerAccess(true, null, 0, false,
                Set.of(new GroupAccess.Group(101, 1), new GroupAccess.Group(50, 2)));
        assertEquals(List.of("all"), keys(LearnerOutline.build(course, OutlineView.LEARNER, facts(inB, Map.of()),
                true, NOW)));
        assertEquals(List.of("all", "forA", "verified"), keys(LearnerOutline.build(course, OutlineView.LEARNER,
                facts(inAVerified, Map.of()), true, NOW)));
        assertEquals(List.of("all", "forA", "verified"), keys(LearnerOutline.build(course, OutlineView.STAFF,
                facts(null, Map.of()), true, NOW)));
    }

    private static List<String> keys(List<LearnerOutline.Chapter> outline) {
        return outline.stream().flatMap(c -> c.sequences().stream()).map(LearnerOutline.Sequence::key).toList();
    }
}
