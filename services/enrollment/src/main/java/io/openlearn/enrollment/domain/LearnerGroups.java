package io.openlearn.enrollment.domain;

import io.openlearn.kit.courseware.EnrollmentTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The groups a learner is in for one run, the fact every courseware reader needs: the enrollment-track group of their
 * mode and, in a cohorted run, the content group their cohort is linked to. A learner who is not actively enrolled
 * is in no group.
 */
public record LearnerGroups(UUID userId, String courseKey, boolean active, EnrollmentMode mode, Cohort cohort) {

    /** A group of a partition, as blocks' {@code groupAccess} names them. */
    public record Group(int partitionId, int groupId) {
    }

    /**
     * @param mode the enrollment's mode, null when the learner never enrolled
     * @param cohort the learner's cohort, ignored (left out) unless the run is cohorted
     */
    public static LearnerGroups of(UUID userId, String courseKey, boolean active, EnrollmentMode mode,
            CohortScheme scheme, Cohort cohort) {
        return new LearnerGroups(userId, courseKey, active, mode, scheme == CohortScheme.OFF ? null : cohort);
    }

    public List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        if (!active) {
            return groups;
        }
        groups.add(new Group(EnrollmentTrack.PARTITION_ID, mode.track().groupId()));
        if (cohort != null && cohort.contentGroup() != null) {
            groups.add(new Group(cohort.contentGroup().partitionId(), cohort.contentGroup().groupId()));
        }
        return groups;
    }
}
