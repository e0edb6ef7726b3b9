package io.openlearn.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderKeysTest {

    @Test
    void aKeyBetweenAnyTwoNeighboursAlwaysExistsAndSortsBetweenThem() {
        Random random = new Random(42);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int at = random.nextInt(keys.size() + 1);
            String before = at == 0 ? null : keys.get(at - 1);
            String after = at == keys.size() ? null : keys.get(at);
            String key = OrderKeys.between(before, after);
            assertTrue(before == null || before.compareTo(key) < 0, before + " < " + key);
            assertTrue(after == null || key.compareTo(after) < 0, key + " < " + after);
            assertTrue(!key.endsWith("0"), key);
            keys.add(at, key);
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys);
    }

    @Test
    void appendingAThousandTimesKeepsKeysShort() {
        String last = null;
        for (int i = 0; i < 1_000; i++) {
            String next = OrderKeys.between(last, null);
            assertTrue(last == null || last.compareTo(next) < 0);
            last = next;
        }
        assertTrue(last.length() <= 200, "length " + last.length());
    }

    @Test
    void evenlySpacedKeysAreOrderedDistinctAndShort() {
        String[] keys = OrderKeys.evenlySpaced(5_000);
        for (int i = 1; i < keys.length; i++) {
            assertTrue(keys[i - 1].compareTo(keys[i]) < 0, keys[i - 1] + " < " + keys[i]);
        }
        assertTrue(keys[keys.length - 1].length() <= 3);
        assertEquals(0, OrderKeys.evenlySpaced(0).length);
        assertTrue(OrderKeys.between(keys[0], keys[1]).compareTo(keys[1]) < 0);
    }
}
