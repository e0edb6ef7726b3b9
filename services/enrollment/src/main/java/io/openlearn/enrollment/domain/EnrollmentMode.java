package io.openlearn.enrollment.domain;

import io.openlearn.kit.courseware.EnrollmentTrack;
import java.util.Arrays;

/** Open edX course modes, with the wire names clients use. */
public enum EnrollmentMode {
    AUDIT("audit"),
    HONOR("honor"),
    VERIFIED("verified"),
    PROFESSIONAL("professional"),
    NO_ID_PROFESSIONAL("no-id-professional"),
    MASTERS("masters"),
    CREDIT("credit");

    private final String wireName;

    EnrollmentMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EnrollmentMode fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown enrollment mode: " + name));
    }

    /** The enrollment-track group of this mode (partition 50, Open edX's group ids). */
    public EnrollmentTrack track() {
        return EnrollmentTrack.ofMode(wireName).orElseThrow();
    }

    /** Modes that certify identity or payment; Open edX counts these as upgraded. */
    public boolean isUpgraded() {
        return this == VERIFIED || this == PROFESSIONAL || this == NO_ID_PROFESSIONAL || this == MASTERS
                || this == CREDIT;
    }
}
