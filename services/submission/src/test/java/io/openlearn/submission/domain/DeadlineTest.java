package io.openlearn.submission.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final Instant DUE = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theGracePeriodExtendsTheDueDateForEveryoneAndAnExtensionReplacesBoth() {
        Deadline graced = new Deadline(null, null, DUE, Duration.ofHours(1), null);
        assertEquals(Optional.empty(), graced.refusal(DUE.plusSeconds(3_599)));
        assertTrue(graced.refusal(DUE.plusSeconds(3_601)).isPresent());
        Deadline extended = new Deadline(null, null, DUE, Duration.ofHours(1), DUE.plus(Duration.ofDays(2)));
        assertEquals(Optional.empty(), extended.refusal(DUE.plus(Duration.ofDays(1))));
    }

    @Test
    void theCourseMustHaveStartedAndNotEnded() {
        Deadline run = new Deadline(DUE.minusSeconds(100), DUE, null, Duration.ZERO, null);
        assertTrue(run.refusal(DUE.minusSeconds(101)).isPresent());
        assertEquals(Optional.empty(), run.refusal(DUE.minusSeconds(1)));
        assertTrue(run.refusal(DUE).isPresent());
    }

    @Test
    void showCorrectnessFollowsOpenEdxRules() {
        Deadline d = new Deadline(null, null, DUE, Duration.ofHours(1), null);
        assertTrue(d.revealsCorrectness("always", DUE.minusSeconds(1)));
        assertTrue(d.revealsCorrectness(null, DUE.minusSeconds(1)));
        assertFalse(d.revealsCorrectness("never", DUE.plusSeconds(99_999)));
        assertFalse(d.revealsCorrectness("past_due", DUE.minusSeconds(1)));
        // within the grace period learners may still submit, so answers stay hidden
        assertFalse(d.revealsCorrectness("past_due", DUE.plusSeconds(1)));
        assertTrue(d.revealsCorrectness("past_due", DUE.plusSeconds(3_601)));
        assertFalse(new Deadline(null, null, null, Duration.ZERO, null).revealsCorrectness("past_due", DUE));
    }
}
