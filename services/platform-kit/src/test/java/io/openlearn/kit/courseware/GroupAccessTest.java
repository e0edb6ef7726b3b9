package io.openlearn.kit.courseware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.courseware.GroupAccess.Group;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupAccessTest {

    private static final GroupAccess VERIFIED_IN_A = GroupAccess.of(Map.of(50, List.of(2), 101, List.of(1)));

    @Test
    void aLearnerPassesWhenInAnAllowedGroupOfEveryPartitionNamed() {
        assertTrue(VERIFIED_IN_A.allows(Set.of(new Group(50, 2), new Group(101, 1))));
        // verified but in content group 2: partition 101 fails
        assertFalse(VERIFIED_IN_A.allows(Set.of(new Group(50, 2), new Group(101, 2))));
        // in content group 1 but audit (50: 1): partition 50 fails
        assertFalse(VERIFIED_IN_A.allows(Set.of(new Group(50, 1), new Group(101, 1))));
        assertFalse(VERIFIED_IN_A.allows(Set.of()));
        assertTrue(GroupAccess.OPEN.allows(Set.of()));
    }

    @Test
    void aChildKeepsOnlyTheGroupsItsParentAllowsTooAndAddsItsOwnPartitions() {
        GroupAccess parent = GroupAccess.of(Map.of(101, List.of(1, 2)));
        GroupAccess child = GroupAccess.of(Map.of(101, List.of(2, 3), 50, List.of(2)));
        // 101: {1, 2} and {2, 3} -> {2}; 50 only on the child -> {2}
        assertEquals(GroupAccess.of(Map.of(101, List.of(2), 50, List.of(2))), child.under(parent));
        assertEquals(parent, GroupAccess.OPEN.under(parent));
        assertEquals(child, child.under(GroupAccess.OPEN));
        // {1} under {2}: no group left, so nobody passes partition 101
        assertFalse(GroupAccess.of(Map.of(101, List.of(1))).under(GroupAccess.of(Map.of(101, List.of(2))))
                .allows(Set.of(new Group(101, 1), new Group(101, 2))));
    }

    @Test
    void readsAndWritesOpenEdxsShapeAPartitionIdToItsGroupIds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"50\":[2],\"101\":[1]}", json.writeValueAsString(VERIFIED_IN_A));
        assertEquals(VERIFIED_IN_A, json.readValue("{\"101\":[1],\"50\":[2]}", GroupAccess.class));
        assertTrue(json.readValue("{}", GroupAccess.class).isOpen());
    }

    @Test
    void aScheduleInheritsItsParentsGroupAccess() {
        BlockSchedule chapter = new BlockSchedule(null, false, false, null, GroupAccess.of(Map.of(101, List.of(1))));
        BlockSchedule unit = new BlockSchedule(null, false, false, null, null).under(chapter);
        assertEquals(GroupAccess.of(Map.of(101, List.of(1))), unit.access());
        assertTrue(BlockSchedule.OPEN.access().isOpen());
    }
}
