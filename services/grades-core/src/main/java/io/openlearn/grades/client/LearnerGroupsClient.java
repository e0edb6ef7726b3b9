package io.openlearn.grades.client;

import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.courseware.GroupAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The groups learners are in for a course (their enrollment track, their cohort's content group), from enrollment,
 * up to {@value #PER_CALL} learners per call: what grading needs when a course restricts blocks to groups. A learner
 * who is not actively enrolled is in no group.
 */
@ApplicationScoped
public class LearnerGroupsClient {

    static final int PER_CALL = 1000;

    private final EnrollmentCalls enrollment;

    LearnerGroupsClient(EnrollmentCalls enrollment) {
        this.enrollment = enrollment;
    }

    /** The groups of the learners who are actively enrolled; the others are absent (in no group). */
    public Map<UUID, Set<GroupAccess.Group>> of(String courseKey, Collection<UUID> learners) {
        List<UUID> all = List.copyOf(learners);
        Map<UUID, Set<GroupAccess.Group>> groups = new HashMap<>();
        for (int from = 0; from < all.size(); from += PER_CALL) {
            List<UUID> part = new ArrayList<>(all.subList(from, Math.min(all.size(), from + PER_CALL)));
            EnrollmentCalls.GroupsPage page = Upstream.call("enrollment", () -> enrollment.groups(courseKey, part));
            for (EnrollmentCalls.LearnerGroups item : page.items() == null ? List.<EnrollmentCalls.LearnerGroups>of()
                    : page.items()) {
                if (Boolean.TRUE.equals(item.active())) {
                    groups.put(item.userId(), item.groups() == null ? Set.of() : Set.copyOf(item.groups()));
                }
            }
        }
        return groups;
    }
}
