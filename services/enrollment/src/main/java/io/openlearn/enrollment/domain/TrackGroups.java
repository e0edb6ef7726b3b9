package io.openlearn.enrollment.domain;

import java.util.Map;

/**
 * The enrollment-track partition: one group per course mode, with Open edX's partition id and group ids
 * ({@code ENROLLMENT_TRACK_PARTITION_ID} and the ids of {@code COURSE_ENROLLMENT_MODES}), so "verified only" content
 * restricts to group 2 of partition 50 here as there.
 */
public final class TrackGroups {

    public static final int PARTITION_ID = 50;

    private static final Map<EnrollmentMode, Integer> GROUP_IDS = Map.of(
            EnrollmentMode.AUDIT, 1,
            EnrollmentMode.VERIFIED, 2,
            EnrollmentMode.PROFESSIONAL, 3,
            EnrollmentMode.NO_ID_PROFESSIONAL, 4,
            EnrollmentMode.CREDIT, 5,
            EnrollmentMode.HONOR, 6,
            EnrollmentMode.MASTERS, 7);

    private TrackGroups() {
    }

    public static int groupOf(EnrollmentMode mode) {
        return GROUP_IDS.get(mode);
    }
}
