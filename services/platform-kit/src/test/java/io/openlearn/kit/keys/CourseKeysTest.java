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

    @Test
    void orgIsTheFirstPartAndRequireRefusesMalformedKeysWith400() {
        org.junit.jupiter.api.Assertions.assertEquals("OpenLearnX", CourseKeys.orgOf("course-v1:OpenLearnX+CS101+R"));
        org.junit.jupiter.api.Assertions.assertEquals("course-v1:A+B+C", CourseKeys.require("course-v1:A+B+C"));
        var refused = org.junit.jupiter.api.Assertions.assertThrows(io.openlearn.kit.problem.ProblemException.class,
                () -> CourseKeys.require("not a key"));
        org.junit.jupiter.api.Assertions.assertEquals(400, refused.toProblem(null).status());
    }
}
