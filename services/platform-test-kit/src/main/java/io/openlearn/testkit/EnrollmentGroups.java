package io.openlearn.testkit;

import io.openlearn.kit.courseware.EnrollmentTrack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * enrollment's answer to "which groups is this learner in" ({@code learnerGroups} in contracts/enrollment.openapi.yaml),
 * for the stand-ins of services that ask it: an active learner is in their groups, by default the audit track's.
 */
public final class EnrollmentGroups {

    /** The audit track's group, partition 50 group 1: where an enrolled learner is unless a test says otherwise. */
    public static final List<Map<String, Integer>> AUDIT = List.of(group(50, 1));

    private EnrollmentGroups() {
    }

    /** The mode whose track group (partition 50) is among {@code groups}; audit when none is. */
    public static String modeOf(List<Map<String, Integer>> groups) {
        return groups.stream().filter(g -> g.get("partitionId") == EnrollmentTrack.PARTITION_ID)
                .flatMap(g -> EnrollmentTrack.ofGroup(g.get("groupId")).stream()).map(EnrollmentTrack::mode)
                .findFirst().orElse(EnrollmentTrack.AUDIT.mode());
    }

    /** (partition id, group id) pairs as the contract's {@code groups} items. */
    public static List<Map<String, Integer>> of(int... partitionAndGroup) {
        List<Map<String, Integer>> groups = new ArrayList<>();
        for (int i = 0; i < partitionAndGroup.length; i += 2) {
            groups.add(group(partitionAndGroup[i], partitionAndGroup[i + 1]));
        }
        return List.copyOf(groups);
    }

    /** The whole answer; an inactive learner is in no group, whatever {@code groups} says. */
    public static Map<String, Object> answer(String courseKey, String userId, boolean active,
            List<Map<String, Integer>> groups) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("courseKey", courseKey);
        answer.put("userId", userId);
        answer.put("active", active);
        answer.put("mode", active ? modeOf(groups) : null);
        answer.put("cohort", null);
        answer.put("groups", active ? groups : List.of());
        return answer;
    }

    private static Map<String, Integer> group(int partitionId, int groupId) {
        return Map.of("partitionId", partitionId, "groupId", groupId);
    }
}
