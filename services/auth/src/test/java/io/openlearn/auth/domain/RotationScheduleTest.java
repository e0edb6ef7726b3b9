package io.openlearn.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RotationScheduleTest {

    final RotationSchedule schedule = new RotationSchedule(Duration.ofDays(1), Duration.ofMinutes(15),
            Duration.ofMinutes(10), Duration.ofSeconds(60));
    final Instant activated = Instant.parse("2026-11-26T00:00:00Z");

    @Test
    void successorIsPublishedSoThatItSignsWhenTheIntervalEnds() {
        assertFalse(schedule.successorDue(activated, activated.plus(Duration.ofHours(23))));
        Instant publish = activated.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(15));
        assertTrue(schedule.successorDue(activated, publish));
        assertEquals(activated.plus(Duration.ofDays(1)), schedule.successorActivatesAt(publish));
    }

    @Test
    void retiredKeyOutlivesEveryTokenItSignedPlusSkew() {
        Instant retired = Instant.parse("2026-11-27T00:00:00Z");
        assertEquals(retired.plus(Duration.ofMinutes(11)), schedule.retiredKeyPublishedUntil(retired));
    }

    @Test
    void tokenPastTheRolesCapCarriesNoneAndSaysSo() {
        List<String> roles = List.of("a:1", "b:2", "c:3");
        PlatformPrincipal within = PlatformPrincipal.capped(UUID.randomUUID(), "u", null, Set.of("user"), roles, 3,
                null);
        PlatformPrincipal beyond = PlatformPrincipal.capped(UUID.randomUUID(), "u", null, Set.of("user"), roles, 2,
                null);
        assertEquals(roles, within.roles());
        assertFalse(within.rolesOverflow());
        assertEquals(List.of(), beyond.roles());
        assertTrue(beyond.rolesOverflow());
    }
}
