package io.openlearn.content.service;

import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;

/**
 * The two refusals of this service's use cases, worded once: a course's content is edited by its team
 * ({@link CoursePermissions#isCourseTeam}); copies, archives and grading structures also serve platform services
 * ({@link CoursePermissions#isTeamOrService}).
 */
final class ContentTeam {

    private ContentTeam() {
    }

    static void requireTeam(Caller caller, String courseKey) {
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, courseKey),
                "Only the course's team edits its content.");
    }

    static void requireTeamOrService(Caller caller, String courseKey) {
        CoursePermissions.require(CoursePermissions.isTeamOrService(caller, courseKey),
                "Only services and the course's team may do this.");
    }
}
