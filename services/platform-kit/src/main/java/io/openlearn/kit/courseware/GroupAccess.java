package io.openlearn.kit.courseware;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which groups may see a block, as Open edX's {@code group_access}: partition id to the ids of the groups allowed.
 * A learner passes when, for every partition named, they are in one of its allowed groups; a block naming no
 * partition is open to everyone. Inherited down the tree: a child is restricted by its own access and by every
 * ancestor's, so for a partition both name the child keeps only the groups both allow.
 */
public record GroupAccess(SortedMap<Integer, SortedSet<Integer>> groups) {

    public static final GroupAccess OPEN = new GroupAccess(Collections.emptySortedMap());

    /** A group of a partition, as a learner is in it. */
    public record Group(int partitionId, int groupId) {
    }

    public GroupAccess {
        SortedMap<Integer, SortedSet<Integer>> copy = new TreeMap<>();
        groups.forEach((partition, allowed) -> copy.put(partition,
                Collections.unmodifiableSortedSet(new TreeSet<>(allowed))));
        groups = Collections.unmodifiableSortedMap(copy);
    }

    /** From JSON ({@code {"50": [2], "101": [1, 2]}}); null or empty is open. */
    @JsonCreator
    public static GroupAccess of(Map<Integer, List<Integer>> groups) {
        if (groups == null || groups.isEmpty()) {
            return OPEN;
        }
        SortedMap<Integer, SortedSet<Integer>> sorted = new TreeMap<>();
        groups.forEach((partition, allowed) -> sorted.put(partition,
                new TreeSet<>(allowed == null ? List.of() : allowed)));
        return new GroupAccess(sorted);
    }

    @JsonValue
    public SortedMap<Integer, SortedSet<Integer>> groups() {
        return groups;
    }

    public boolean isOpen() {
        return groups.isEmpty();
    }

    /** This block's own access combined with its parent's effective access. */
    public GroupAccess under(GroupAccess parent) {
        if (parent == null || parent.isOpen()) {
            return this;
        }
        if (isOpen()) {
            return parent;
        }
        SortedMap<Integer, SortedSet<Integer>> combined = new TreeMap<>(parent.groups);
        groups.forEach((partition, allowed) -> combined.merge(partition, allowed, (inherited, own) -> {
            SortedSet<Integer> both = new TreeSet<>(inherited);
            both.retainAll(own);
            return both;
        }));
        return new GroupAccess(combined);
    }

    /** Whether a learner in these groups passes every partition this access names. */
    public boolean allows(Set<Group> learnerGroups) {
        return groups.entrySet().stream().allMatch(partition -> learnerGroups.stream()
                .anyMatch(g -> g.partitionId() == partition.getKey() && partition.getValue().contains(g.groupId())));
    }
}
