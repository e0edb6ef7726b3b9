package io.openlearn.authoring.service;

import io.openlearn.authoring.domain.CourseSchedule;
import io.openlearn.authoring.domain.Pacing;

/** What a course team sets on a run; the key parts are fixed at creation. */
public record CourseRunSettings(String title, CourseSchedule schedule, Pacing pacing, boolean invitationOnly,
                                Integer maxEnrollments) {
}
