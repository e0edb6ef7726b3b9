package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * {@code cohort.membership.changed}: a learner was placed in a cohort of a run or moved to another. The content groups
 * of the new and the previous cohort (partition and group id, null for none) let a consumer tell a move that changes
 * what the learner sees from one that does not.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CohortMembershipChanged(UUID userId, String courseKey, UUID cohortId, String cohortName,
        UUID previousCohortId, Integer contentPartitionId, Integer contentGroupId, Integer previousContentPartitionId,
        Integer previousContentGroupId, Cause cause) {

    public enum Cause {
        /** placed on enrollment in an automatically cohorted run */
        automatic,
        /** placed or moved by staff, one learner */
        manual,
        /** placed or moved by staff in a bulk upload */
        bulk
    }
}
