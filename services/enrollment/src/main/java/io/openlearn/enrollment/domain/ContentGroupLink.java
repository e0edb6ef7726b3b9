package io.openlearn.enrollment.domain;

/**
 * A cohort's content group: a group of one of the course's content-group partitions. Open edX numbers those
 * partitions from {@value #MINIMUM_CONTENT_PARTITION_ID} up ({@code MINIMUM_STATIC_PARTITION_ID}), below which sit the
 * platform's own partitions such as the enrollment track ({@value io.openlearn.kit.courseware.EnrollmentTrack#PARTITION_ID}).
 */
public record ContentGroupLink(int partitionId, int groupId) {

    public static final int MINIMUM_CONTENT_PARTITION_ID = 100;

    public ContentGroupLink {
        if (partitionId < MINIMUM_CONTENT_PARTITION_ID) {
            throw new IllegalArgumentException("a content-group partition id is " + MINIMUM_CONTENT_PARTITION_ID
                    + " or more");
        }
        if (groupId < 0) {
            throw new IllegalArgumentException("a group id is 0 or more");
        }
    }
}
