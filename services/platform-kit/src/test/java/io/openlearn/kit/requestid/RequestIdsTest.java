package io.openlearn.kit.requestid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void madeIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestIds.acceptOrCreate(null);
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
            assertEquals(id, uuid.toString());
            seen.add(id);
        }
        assertEquals(100_000, seen.size());
    }

    @Test
    void aPlainCallerIdIsKeptAndAnythingElseReplaced() {
        assertEquals("web-1234:abc.DEF_9", RequestIds.acceptOrCreate("web-1234:abc.DEF_9"));
        String injected = "id\r\nX-Admin: yes";
        assertNotEquals(injected, RequestIds.acceptOrCreate(injected));
        assertEquals(4, UUID.fromString(RequestIds.acceptOrCreate("x".repeat(129))).version());
    }
}
