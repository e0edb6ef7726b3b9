package io.openlearn.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openlearn.kit.problem.ProblemException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link CourseRules}, on callers built from values. */
class CourseRulesTest {

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
        assertTrue(CourseRules.isCourseTeam(caller(Set.of("user", "admin")), COURSE));
        assertTrue(CourseRules.isCourseTeam(user("org_admin:Org"), COURSE));
        assertTrue(CourseRules.isCourseTeam(user("course_instructor:" + COURSE), COURSE));
        assertTrue(CourseRules.isCourseTeam(user("course_staff:" + COURSE), COURSE));
        assertFalse(CourseRules.isCourseTeam(user("org_admin:Other", "course_staff:" + OTHER), COURSE));
        assertFalse(CourseRules.isCourseTeam(user("course_beta_tester:" + COURSE), COURSE));
        assertFalse(CourseRules.isCourseTeam(caller(Set.of("user", "staff")), COURSE), "platform staff is not the team");
        assertFalse(CourseRules.isCourseTeam(caller(Set.of("service")), COURSE), "a service is not the team");
        ProblemException malformed = assertThrows(ProblemException.class,
                () -> CourseRules.isCourseTeam(user(), "not-a-key"));
        assertEquals(400, malformed.status());
    }

    @Test
    void runsInAnOrgAreCreatedByAdminsAndTheOrgsAdmins() {
        assertTrue(CourseRules.mayCreateRuns(caller(Set.of("admin")), "Org"));
        assertTrue(CourseRules.mayCreateRuns(user("org_admin:Org"), "Org"));
        assertFalse(CourseRules.mayCreateRuns(user("org_admin:Other"), "Org"));
        assertFalse(CourseRules.mayCreateRuns(user("course_instructor:" + COURSE), "Org"));
        assertFalse(CourseRules.mayCreateRuns(caller(Set.of("service")), "Org"));
    }

    @Test
    void teamRolesAreManagedByRunCreatorsAndByInstructorsForEveryRoleButInstructor() {
        assertTrue(CourseRules.mayManageTeamRole(caller(Set.of("admin")), COURSE, "course_instructor"));
        assertTrue(CourseRules.mayManageTeamRole(user("org_admin:Org"), COURSE, "course_instructor"));
        Caller instructor = user("course_instructor:" + COURSE);
        assertTrue(CourseRules.mayManageTeamRole(instructor, COURSE, "course_staff"));
        assertTrue(CourseRules.mayManageTeamRole(instructor, COURSE, "course_beta_tester"));
        assertFalse(CourseRules.mayManageTeamRole(instructor, COURSE, "course_instructor"));
        assertFalse(CourseRules.mayManageTeamRole(user("course_staff:" + COURSE), COURSE, "course_beta_tester"));
        assertFalse(CourseRules.mayManageTeamRole(user("course_instructor:" + OTHER), COURSE, "course_staff"));
    }

    @Test
    void betaTestersHoldTheBetaTesterRoleOfTheCourse() {
        assertTrue(CourseRules.isBetaTester(user("course_beta_tester:" + COURSE), COURSE));
        assertFalse(CourseRules.isBetaTester(user("course_beta_tester:" + OTHER), COURSE));
        assertFalse(CourseRules.isBetaTester(caller(Set.of("admin")), COURSE), "admins are not beta testers");
    }

    @Test
    void selfOrTeamIsTheLearnerThemselvesTheTeamOrAService() {
        UUID someoneElse = UUID.randomUUID();
        assertTrue(CourseRules.isSelfOrTeam(user(), COURSE, ME));
        assertFalse(CourseRules.isSelfOrTeam(user(), COURSE, someoneElse));
        assertTrue(CourseRules.isSelfOrTeam(user("course_staff:" + COURSE), COURSE, someoneElse));
        assertTrue(CourseRules.isSelfOrTeam(caller(Set.of("service")), COURSE, someoneElse));
        assertFalse(CourseRules.isSelfOrTeam(user("course_staff:" + OTHER), COURSE, someoneElse));
    }

    @Test
    void teamOrServiceIsTheCourseTeamOrAPlatformService() {
        assertTrue(CourseRules.isTeamOrService(caller(Set.of("service")), COURSE));
        assertTrue(CourseRules.isTeamOrService(user("course_instructor:" + COURSE), COURSE));
        assertFalse(CourseRules.isTeamOrService(user(), COURSE));
        assertFalse(CourseRules.isTeamOrService(user("course_beta_tester:" + COURSE), COURSE));
    }

    @Test
    void aRefusalIsA403WithTheGivenDetail() {
        CourseRules.require(true, "never thrown");
        ProblemException refused = assertThrows(ProblemException.class, () -> CourseRules.require(false, "No."));
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
