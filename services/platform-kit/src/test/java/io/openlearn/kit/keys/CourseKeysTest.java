package io.openlearn.kit.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CourseKeysTest {

    @Test
    void acceptsOpenEdxCourseKeys() {
        assertTrue(CourseKeys.isCourseKey("course-v1:OpenLearnX+CS101+2026_T1"));
        assertTrue(CourseKeys.isCourseKey("course-v1:edX+DemoX.1+Demo-Course"));
    }

    @Test
    void rejectsMalformedOrOversizedKeys() {
        assertFalse(CourseKeys.isCourseKey(null));
        assertFalse(CourseKeys.isCourseKey("course-v1:Org+Num"));
        assertFalse(CourseKeys.isCourseKey("course-v1:Org+Num+Run+Extra"));
        assertFalse(CourseKeys.isCourseKey("course-v1:Org Name+Num+Run"));
        assertFalse(CourseKeys.isCourseKey("course-v1:O+N+" + "r".repeat(300)));
    }
}
