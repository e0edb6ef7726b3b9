package io.openlearn.kit.security;

import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import java.util.UUID;

/**
 * What a {@link Caller} may do to a course, as Studio and the LMS decide, stated once for every service. Plain Java;
 * the services call these from their use cases and answer 403 when a rule says no ({@link #require}).
 * <ul>
 * <li>course team: admins, org admins of the course's org, the course's instructors and staff;</li>
 * <li>create runs in an org: admins and the org's admins;</li>
 * <li>manage a team role: whoever may create runs in the org; instructors any role but {@code course_instructor};</li>
 * <li>beta tester: {@code course_beta_tester} of the course (sees releases early);</li>
 * <li>team or service: the course team, or a platform service;</li>
 * <li>self or team: the learner themselves, the course team, or a platform service.</li>
 * </ul>
 * Course keys are checked (400 when malformed) before any role is looked up.
 */
public final class CoursePermissions {

    public static final String ORG_ADMIN = "org_admin";
    public static final String COURSE_INSTRUCTOR = "course_instructor";
    public static final String COURSE_STAFF = "course_staff";
    public static final String COURSE_BETA_TESTER = "course_beta_tester";

    private CoursePermissions() {
    }

    public static boolean isCourseTeam(Caller caller, String courseKey) {
        CourseKeys.require(courseKey);
        return mayCreateRuns(caller, CourseKeys.orgOf(courseKey)) || caller.holds(COURSE_INSTRUCTOR, courseKey)
                || caller.holds(COURSE_STAFF, courseKey);
    }

    public static boolean mayCreateRuns(Caller caller, String org) {
        return caller.isAdmin() || caller.holds(ORG_ADMIN, org);
    }

    /** Adding or removing a member with {@code role} on the course's team. */
    public static boolean mayManageTeamRole(Caller caller, String courseKey, String role) {
        CourseKeys.require(courseKey);
        if (mayCreateRuns(caller, CourseKeys.orgOf(courseKey))) {
            return true;
        }
        return !COURSE_INSTRUCTOR.equals(role) && caller.holds(COURSE_INSTRUCTOR, courseKey);
    }

    public static boolean isBetaTester(Caller caller, String courseKey) {
        return caller.holds(COURSE_BETA_TESTER, CourseKeys.require(courseKey));
    }

    public static boolean isTeamOrService(Caller caller, String courseKey) {
        CourseKeys.require(courseKey);
        return caller.isService() || isCourseTeam(caller, courseKey);
    }

    /** The learner themselves, the course team or a platform service: who sees one learner's data in a course. */
    public static boolean isSelfOrTeam(Caller caller, String courseKey, UUID learner) {
        CourseKeys.require(courseKey);
        return learner.equals(caller.userId()) || isTeamOrService(caller, courseKey);
    }

    /** 403 with {@code detail} unless {@code allowed}. */
    public static void require(boolean allowed, String detail) {
        if (!allowed) {
            throw new ProblemException(403, detail);
        }
    }
}
