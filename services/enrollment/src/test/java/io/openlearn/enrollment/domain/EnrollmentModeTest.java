package io.openlearn.enrollment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnrollmentModeTest {

    @Test
    void wireNamesRoundTrip() {
        for (EnrollmentMode mode : EnrollmentMode.values()) {
            assertEquals(mode, EnrollmentMode.fromWireName(mode.wireName()));
        }
        assertEquals(EnrollmentMode.NO_ID_PROFESSIONAL, EnrollmentMode.fromWireName("no-id-professional"));
    }

    @Test
    void onlyCertifyingModesCountAsUpgraded() {
        assertFalse(EnrollmentMode.AUDIT.isUpgraded());
        assertFalse(EnrollmentMode.HONOR.isUpgraded());
        assertTrue(EnrollmentMode.VERIFIED.isUpgraded());
    }

    @Test
    void unknownModeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> EnrollmentMode.fromWireName("gold"));
    }
}
