package io.openlearn.content.service;

import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CourseRules;

/**
 * The two refusals of this service's use cases, worded once: a course's content is edited by its team
 * ({@link CourseRules#isCourseTeam}); copies, archives and grading structures also serve platform services
 * ({@link CourseRules#isTeamOrService}).
 */
final class ContentTeam {

    private ContentTeam() {
    }

    static void requireTeam(Caller caller, String courseKey) {
        CourseRules.require(CourseRules.isCourseTeam(caller, courseKey), "Only the course's team edits its content.");
    }

    static void requireTeamOrService(Caller caller, String courseKey) {
        CourseRules.require(CourseRules.isTeamOrService(caller, courseKey),
                "Only services and the course's team may do this.");
    }
}
