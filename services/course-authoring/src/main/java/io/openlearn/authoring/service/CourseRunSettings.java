package io.openlearn.authoring.service;

import io.openlearn.authoring.domain.CourseSchedule;
import io.openlearn.authoring.domain.CourseVisibility;
import io.openlearn.authoring.domain.Pacing;

/**
 * What a course team sets on a run; the key parts are fixed at creation. {@code daysEarlyForBeta} (Open edX's
 * {@code days_early_for_beta}, null: none) is how many days before their start beta testers see the run and its
 * blocks; {@code courseVisibility} (Open edX's {@code course_visibility}) whether signed-in users who are not enrolled
 * may see its catalog outline.
 */
public record CourseRunSettings(String title, CourseSchedule schedule, Pacing pacing, boolean invitationOnly,
        Integer maxEnrollments, Integer daysEarlyForBeta, CourseVisibility courseVisibility) {

    /** The longest head start beta testers may get. */
    public static final int MAX_DAYS_EARLY_FOR_BETA = 365;

    /** Null (no head start) or 0 to {@link #MAX_DAYS_EARLY_FOR_BETA} days. */
    public static boolean validDaysEarlyForBeta(Integer days) {
        return days == null || (days >= 0 && days <= MAX_DAYS_EARLY_FOR_BETA);
    }
}
