package io.openlearn.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutlineIndexTest {

    @Test
    void courseOrderIsPreOrderWithSiblingsBySortKeyThenKey() {
        OutlineIndex outline = new OutlineIndex.Builder()
                .add("s2", "c1", "k")
                .add("root", null, "")
                .add("c2", "root", "b")
                .add("c1", "root", "a")
                .add("s1", "c1", "V")
                .add("tieB", "c2", "V")
                .add("tieA", "c2", "V")
                .build("root");
        List<String> order = new ArrayList<>();
        for (int n = 0; n < outline.size(); n++) {
            order.add(outline.keyAt(n) + "@" + outline.depthAt(n));
        }
        assertEquals(List.of("root@0", "c1@1", "s1@2", "s2@2", "c2@1", "tieA@2", "tieB@2"), order);
        assertEquals(List.of("s1", "s2"), outline.childrenAt(1));
        assertEquals("c1", outline.parentAt(2));
        assertEquals(List.of("tieA", "tieB"), outline.descendantsOf("c2").stream().sorted().toList());
    }

    @Test
    void blocksCutOffFromTheRootAreLeftOut() {
        OutlineIndex outline = new OutlineIndex.Builder().add("root", null, "").add("c1", "root", "V")
                .add("orphan", "deleted-parent", "V").add("child-of-orphan", "orphan", "V").build("root");
        assertEquals(2, outline.size());
        assertFalse(outline.courseOrder().containsKey("orphan"));
    }

    @Test
    void aHundredThousandBlocksOutlineWithoutRecursion() {
        OutlineIndex.Builder builder = new OutlineIndex.Builder().add("root", null, "");
        String parent = "root";
        for (int i = 0; i < 100_000; i++) {
            // a pathological chain: recursion would overflow the stack here
            String key = "b" + i;
            builder.add(key, parent, "V");
            parent = key;
        }
        OutlineIndex outline = builder.build("root");
        assertEquals(100_001, outline.size());
        assertEquals(100_000, outline.depthAt(100_000));
    }
}
