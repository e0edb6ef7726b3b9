package io.openlearn.kit.courseware;

import java.util.Arrays;
import java.util.Optional;

/**
 * The enrollment-track partition, one group per course mode, with Open edX's ids ({@code ENROLLMENT_TRACK_PARTITION_ID}
 * and the order of {@code COURSE_ENROLLMENT_MODES}): "verified only" content restricts to group 2 of partition 50 here
 * as there. The one list every service matches modes and track groups against.
 */
public enum EnrollmentTrack {
    AUDIT("audit", 1),
    VERIFIED("verified", 2),
    PROFESSIONAL("professional", 3),
    NO_ID_PROFESSIONAL("no-id-professional", 4),
    CREDIT("credit", 5),
    HONOR("honor", 6),
    MASTERS("masters", 7);

    public static final int PARTITION_ID = 50;

    private final String mode;
    private final int groupId;

    EnrollmentTrack(String mode, int groupId) {
        this.mode = mode;
        this.groupId = groupId;
    }

    /** The enrollment mode's wire name. */
    public String mode() {
        return mode;
    }

    public int groupId() {
        return groupId;
    }

    public GroupAccess.Group group() {
        return new GroupAccess.Group(PARTITION_ID, groupId);
    }

    public static Optional<EnrollmentTrack> ofMode(String mode) {
        return Arrays.stream(values()).filter(track -> track.mode.equals(mode)).findFirst();
    }

    public static Optional<EnrollmentTrack> ofGroup(int groupId) {
        return Arrays.stream(values()).filter(track -> track.groupId == groupId).findFirst();
    }
}
