package io.openlearn.gradesworker.service;

import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.repository.CourseState;
import io.openlearn.kit.courseware.GroupAccess;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a regrade grades against, read before its transaction opens (so no remote call runs while learners are
 * locked): the course state as stored then, the structure and policy of that state's versions and, when the
 * structure restricts blocks to groups, the groups of the learners to grade (enrollment's answer then; a learner
 * absent from it is not actively enrolled and in no group) with the learners' group stamps read just before them.
 * {@code state} null: the course has no published content yet.
 */
public record GradingBasis(String courseKey, CourseState state, CourseStructure structure, GradingPolicy policy,
        Map<UUID, Set<GroupAccess.Group>> groups, Map<UUID, Long> groupStamps) {

    public GradingBasis {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        groupStamps = groupStamps == null ? Map.of() : Map.copyOf(groupStamps);
    }

    static GradingBasis unpublished(String courseKey) {
        return new GradingBasis(courseKey, null, null, null, Map.of(), Map.of());
    }

    /**
     * Whether the learners' group stamps stored now are those read before their groups were: otherwise a change of
     * their groups was handled in between, and the groups read may be older than the ones it graded with.
     */
    boolean sameGroupStamps(Map<UUID, Long> stored, Collection<UUID> learners) {
        return learners.stream().allMatch(l -> stored.getOrDefault(l, 0L).equals(groupStamps.getOrDefault(l, 0L)));
    }

    Set<GroupAccess.Group> groupsOf(UUID learner) {
        return groups.getOrDefault(learner, Set.of());
    }

    /**
     * Whether enrollment answered the learner actively enrolled, when this basis asked it (a structure restricted to
     * groups: the groups answer says it); empty otherwise.
     */
    Optional<Boolean> activeIfAsked(UUID learner) {
        return structure != null && structure.restrictsGroups() ? Optional.of(groups.containsKey(learner))
                : Optional.empty();
    }

    boolean published() {
        return state != null;
    }

    /** Whether the state stored now still names the versions this basis holds. */
    boolean matches(CourseState stored) {
        return state != null && stored != null && state.policyVersion() == stored.policyVersion()
                && state.contentVersion() == stored.contentVersion();
    }

    /** The stored state moved (a policy change or publish committed) between the reads and the transaction. */
    static final class Moved extends RuntimeException {
        Moved(String courseKey) {
            super("The course state of " + courseKey + " moved while its grading was prepared", null, false, false);
        }
    }
}
