package io.openlearn.content.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.http.JsonBody;
import org.junit.jupiter.api.Test;

class StructureResourceTest {

    @Test
    void gzipIsSentOnlyWhenTheClientListsItWithoutRefusingIt() {
        assertTrue(JsonBody.acceptsGzip("gzip, deflate, br"));
        assertTrue(JsonBody.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertFalse(JsonBody.acceptsGzip("gzip;q=0"));
        assertFalse(JsonBody.acceptsGzip("identity"));
        assertFalse(JsonBody.acceptsGzip(null));
    }
}
