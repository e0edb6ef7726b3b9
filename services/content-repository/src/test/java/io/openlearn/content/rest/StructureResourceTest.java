package io.openlearn.content.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StructureResourceTest {

    @Test
    void gzipIsSentOnlyWhenTheClientListsItWithoutRefusingIt() {
        assertTrue(StructureResource.acceptsGzip("gzip, deflate, br"));
        assertTrue(StructureResource.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertFalse(StructureResource.acceptsGzip("gzip;q=0"));
        assertFalse(StructureResource.acceptsGzip("identity"));
        assertFalse(StructureResource.acceptsGzip(null));
    }
}
