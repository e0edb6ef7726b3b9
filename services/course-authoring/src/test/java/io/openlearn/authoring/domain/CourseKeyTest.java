package io.openlearn.authoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CourseKeyTest {

    @Test
    void formatsAndParsesOpenEdxCourseKeys() {
        CourseKey key = new CourseKey("OpenLearnX", "CS101", "2026_T1");
        assertEquals("course-v1:OpenLearnX+CS101+2026_T1", key.toString());
        assertEquals(key, CourseKey.parse(key.toString()));
    }

    @Test
    void rejectsPartsWithForbiddenCharacters() {
        assertThrows(IllegalArgumentException.class, () -> new CourseKey("Open Learn", "CS101", "2026"));
        assertThrows(IllegalArgumentException.class, () -> new CourseKey("Org", "CS+101", "2026"));
        assertThrows(IllegalArgumentException.class, () -> CourseKey.parse("course-v1:Org+Num"));
    }
}
