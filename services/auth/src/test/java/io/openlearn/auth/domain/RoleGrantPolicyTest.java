package io.openlearn.auth.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleGrantPolicyTest {

    static final String COURSE = "course-v1:OrgA+CS101+2026";
    static final RoleGrantPolicy.Actor ADMIN = new RoleGrantPolicy.Actor(Set.of("user", "admin"), List.of());
    static final RoleGrantPolicy.Actor ORG_ADMIN = new RoleGrantPolicy.Actor(Set.of("user"),
            List.of("org_admin:OrgA"));
    static final RoleGrantPolicy.Actor INSTRUCTOR = new RoleGrantPolicy.Actor(Set.of("user"),
            List.of("course_instructor:" + COURSE));
    static final RoleGrantPolicy.Actor LEARNER = new RoleGrantPolicy.Actor(Set.of("user"), List.of());

    static RoleGrant grant(RoleName role, String scope) {
        return new RoleGrant(role, scope);
    }

    @Test
    void adminMayManageEverything() {
        assertTrue(RoleGrantPolicy.mayManage(ADMIN, grant(RoleName.ADMIN, "platform")));
        assertTrue(RoleGrantPolicy.mayManage(ADMIN, grant(RoleName.COURSE_INSTRUCTOR, COURSE)));
    }

    @Test
    void orgAdminManagesOrgAndCourseRolesOfItsOrgOnly() {
        assertTrue(RoleGrantPolicy.mayManage(ORG_ADMIN, grant(RoleName.ORG_STAFF, "OrgA")));
        assertTrue(RoleGrantPolicy.mayManage(ORG_ADMIN, grant(RoleName.COURSE_INSTRUCTOR, COURSE)));
        assertFalse(RoleGrantPolicy.mayManage(ORG_ADMIN, grant(RoleName.ORG_STAFF, "OrgB")));
        assertFalse(RoleGrantPolicy.mayManage(ORG_ADMIN, grant(RoleName.COURSE_STAFF, "course-v1:OrgB+X+Y")));
        assertFalse(RoleGrantPolicy.mayManage(ORG_ADMIN, grant(RoleName.STAFF, "platform")));
    }

    @Test
    void instructorManagesStaffAndBetaTestersOfOwnCourseButNotInstructors() {
        assertTrue(RoleGrantPolicy.mayManage(INSTRUCTOR, grant(RoleName.COURSE_STAFF, COURSE)));
        assertTrue(RoleGrantPolicy.mayManage(INSTRUCTOR, grant(RoleName.COURSE_BETA_TESTER, COURSE)));
        assertFalse(RoleGrantPolicy.mayManage(INSTRUCTOR, grant(RoleName.COURSE_INSTRUCTOR, COURSE)));
        assertFalse(RoleGrantPolicy.mayManage(INSTRUCTOR, grant(RoleName.COURSE_STAFF, "course-v1:OrgA+CS102+2026")));
        assertFalse(RoleGrantPolicy.mayManage(INSTRUCTOR, grant(RoleName.ORG_STAFF, "OrgA")));
    }

    @Test
    void teamDelegateServiceManagesCourseRolesButNothingElse() {
        RoleGrantPolicy.Actor delegate = new RoleGrantPolicy.Actor(Set.of("service"), List.of(), true);
        assertTrue(RoleGrantPolicy.mayManage(delegate, grant(RoleName.COURSE_INSTRUCTOR, COURSE)));
        assertFalse(RoleGrantPolicy.mayManage(delegate, grant(RoleName.ORG_ADMIN, "OrgA")));
        assertFalse(RoleGrantPolicy.mayManage(delegate, grant(RoleName.ADMIN, "platform")));
    }

    @Test
    void learnerManagesNothing() {
        assertFalse(RoleGrantPolicy.mayManage(LEARNER, grant(RoleName.COURSE_BETA_TESTER, COURSE)));
    }

    @Test
    void scopesMustFitTheRoleKind() {
        assertThrows(IllegalArgumentException.class, () -> grant(RoleName.ADMIN, "OrgA"));
        assertThrows(IllegalArgumentException.class, () -> grant(RoleName.ORG_ADMIN, COURSE));
        assertThrows(IllegalArgumentException.class, () -> grant(RoleName.COURSE_STAFF, "OrgA"));
        assertEquals("OrgA", grant(RoleName.COURSE_STAFF, COURSE).org());
        assertEquals("course_staff:" + COURSE, grant(RoleName.COURSE_STAFF, COURSE).claim());
    }
}
