package io.openlearn.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.courseware.EnrollmentTrack;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CohortRulesTest {

    private static final String RUN = "course-v1:Org+Num+Run";
    private static final Cohort LINKED = new Cohort(UUID.randomUUID(), RUN, "A", new ContentGroupLink(101, 3));

    @Test
    void roundRobinPlacesTheNthLearnerInCohortNModTheCount() {
        List<String> cohorts = List.of("A", "B", "C");
        // placements 0..6 -> 0 mod 3 = A, 1 -> B, 2 -> C, 3 -> A, 4 -> B, 5 -> C, 6 -> A
        assertEquals(List.of("A", "B", "C", "A", "B", "C", "A"), LongStream.range(0, 7)
                .mapToObj(n -> CohortAssignment.ROUND_ROBIN.choose(cohorts, n, new SplittableRandom(1))).toList());
    }

    @Test
    void randomChoosesOneOfTheCohortsAndReachesEachOfThem() {
        List<String> cohorts = List.of("A", "B");
        SplittableRandom random = new SplittableRandom(7);
        List<String> chosen = LongStream.range(0, 50)
                .mapToObj(n -> CohortAssignment.RANDOM.choose(cohorts, n, random)).toList();
        assertTrue(chosen.containsAll(cohorts) && cohorts.containsAll(chosen), chosen.toString());
    }

    @Test
    void anActiveLearnerIsInTheirTrackGroupAndTheirCohortsContentGroup() {
        LearnerGroups groups = LearnerGroups.of(UUID.randomUUID(), RUN, true, EnrollmentMode.VERIFIED,
                CohortScheme.MANUAL, LINKED);
        assertEquals(List.of(new LearnerGroups.Group(50, 2), new LearnerGroups.Group(101, 3)), groups.groups());
    }

    @Test
    void aRunThatIsNotCohortedCountsNoCohortAndAnInactiveLearnerIsInNoGroup() {
        LearnerGroups off = LearnerGroups.of(UUID.randomUUID(), RUN, true, EnrollmentMode.AUDIT, CohortScheme.OFF,
                LINKED);
        assertNull(off.cohort());
        assertEquals(List.of(new LearnerGroups.Group(50, 1)), off.groups());
        assertEquals(List.of(), LearnerGroups.of(UUID.randomUUID(), RUN, false, EnrollmentMode.AUDIT,
                CohortScheme.MANUAL, LINKED).groups());
    }

    @Test
    void everyModeHasOpenEdxsTrackGroupIdAndContentPartitionsStartAt100() {
        assertEquals(List.of(1, 6, 2, 3, 4, 7, 5), Arrays.stream(EnrollmentMode.values())
                .map(mode -> mode.track().groupId()).toList());
        assertThrows(IllegalArgumentException.class, () -> new ContentGroupLink(EnrollmentTrack.PARTITION_ID, 1));
        assertThrows(IllegalArgumentException.class, () -> new ContentGroupLink(100, -1));
    }
}
