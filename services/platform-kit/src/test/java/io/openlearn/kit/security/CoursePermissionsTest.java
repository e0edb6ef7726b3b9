package io.openlearn.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.problem.ProblemException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link CoursePermissions}, on callers built from values. */
class CoursePermissionsTest {

    static final String COURSE = "course-v1:Org+Num+Run";
    static final String OTHER = "course-v1:Other+Num+Run";
    static final UUID ME = UUID.randomUUID();

    static Caller caller(Set<String> groups, String... roles) {
        Set<String> held = Set.of(roles);
        return new Caller(ME.toString(), "someone", groups, (role, scope) -> held.contains(role + ":" + scope));
    }

    static Caller user(String... roles) {
        return caller(Set.of("user"), roles);
    }

    @Test
    void courseTeamIsAdminsOrgAdminsInstructorsAndStaffOfTheCourse() {
        assertTrue(CoursePermissions.isCourseTeam(caller(Set.of("user", "admin")), COURSE));
        assertTrue(CoursePermissions.isCourseTeam(user("org_admin:Org"), COURSE));
        assertTrue(CoursePermissions.isCourseTeam(user("course_instructor:" + COURSE), COURSE));
        assertTrue(CoursePermissions.isCourseTeam(user("course_staff:" + COURSE), COURSE));
        assertFalse(CoursePermissions.isCourseTeam(user("org_admin:Other", "course_staff:" + OTHER), COURSE));
        assertFalse(CoursePermissions.isCourseTeam(user("course_beta_tester:" + COURSE), COURSE));
        assertFalse(CoursePermissions.isCourseTeam(caller(Set.of("user", "staff")), COURSE),
                "platform staff is not the team");
        assertFalse(CoursePermissions.isCourseTeam(caller(Set.of("service")), COURSE), "a service is not the team");
        ProblemException malformed = assertThrows(ProblemException.class,
                () -> CoursePermissions.isCourseTeam(user(), "not-a-key"));
        assertEquals(400, malformed.status());
    }

    @Test
    void runsInAnOrgAreCreatedByAdminsAndTheOrgsAdmins() {
        assertTrue(CoursePermissions.mayCreateRuns(caller(Set.of("admin")), "Org"));
        assertTrue(CoursePermissions.mayCreateRuns(user("org_admin:Org"), "Org"));
        assertFalse(CoursePermissions.mayCreateRuns(user("org_admin:Other"), "Org"));
        assertFalse(CoursePermissions.mayCreateRuns(user("course_instructor:" + COURSE), "Org"));
        assertFalse(CoursePermissions.mayCreateRuns(caller(Set.of("service")), "Org"));
    }

    @Test
    void teamRolesAreManagedByRunCreatorsAndByInstructorsForEveryRoleButInstructor() {
        assertTrue(CoursePermissions.mayManageTeamRole(caller(Set.of("admin")), COURSE, "course_instructor"));
        assertTrue(CoursePermissions.mayManageTeamRole(user("org_admin:Org"), COURSE, "course_instructor"));
        Caller instructor = user("course_instructor:" + COURSE);
        assertTrue(CoursePermissions.mayManageTeamRole(instructor, COURSE, "course_staff"));
        assertTrue(CoursePermissions.mayManageTeamRole(instructor, COURSE, "course_beta_tester"));
        assertFalse(CoursePermissions.mayManageTeamRole(instructor, COURSE, "course_instructor"));
        assertFalse(CoursePermissions.mayManageTeamRole(user("course_staff:" + COURSE), COURSE, "course_beta_tester"));
        assertFalse(CoursePermissions.mayManageTeamRole(user("course_instructor:" + OTHER), COURSE, "course_staff"));
    }

    @Test
    void betaTestersHoldTheBetaTesterRoleOfTheCourse() {
        assertTrue(CoursePermissions.isBetaTester(user("course_beta_tester:" + COURSE), COURSE));
        assertFalse(CoursePermissions.isBetaTester(user("course_beta_tester:" + OTHER), COURSE));
        assertFalse(CoursePermissions.isBetaTester(caller(Set.of("admin")), COURSE), "admins are not beta testers");
    }

    @Test
    void selfOrTeamIsTheLearnerThemselvesTheTeamOrAService() {
        UUID someoneElse = UUID.randomUUID();
        assertTrue(CoursePermissions.isSelfOrTeam(user(), COURSE, ME));
        assertFalse(CoursePermissions.isSelfOrTeam(user(), COURSE, someoneElse));
        assertTrue(CoursePermissions.isSelfOrTeam(user("course_staff:" + COURSE), COURSE, someoneElse));
        assertTrue(CoursePermissions.isSelfOrTeam(caller(Set.of("service")), COURSE, someoneElse));
        assertFalse(CoursePermissions.isSelfOrTeam(user("course_staff:" + OTHER), COURSE, someoneElse));
    }

    @Test
    void teamOrServiceIsTheCourseTeamOrAPlatformService() {
        assertTrue(CoursePermissions.isTeamOrService(caller(Set.of("service")), COURSE));
        assertTrue(CoursePermissions.isTeamOrService(user("course_instructor:" + COURSE), COURSE));
        assertFalse(CoursePermissions.isTeamOrService(user(), COURSE));
        assertFalse(CoursePermissions.isTeamOrService(user("course_beta_tester:" + COURSE), COURSE));
    }

    @Test
    void aRefusalIsA403WithTheGivenDetail() {
        CoursePermissions.require(true, "never thrown");
        ProblemException refused = assertThrows(ProblemException.class, () -> CoursePermissions.require(false, "No."));
        assertEquals(403, refused.status());
        assertEquals("No.", refused.getMessage());
    }

    @Test
    void aCallerIsNamedByUsernameElseSubjectAndIdentifiedByAPlatformUuid() {
        assertEquals("someone", user().name());
        assertEquals(ME, user().userId());
        Caller unnamed = new Caller("not-a-uuid", null, Set.of(), (role, scope) -> false);
        assertEquals("not-a-uuid", unnamed.name());
        assertEquals(401, assertThrows(ProblemException.class, unnamed::userId).status());
    }
}
