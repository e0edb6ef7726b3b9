package io.openlearn.authoring.domain;

/**
 * Who may do what with a course run, as Studio decides: admins and org admins create runs in their orgs and run
 * their teams; the course's instructors and staff edit it; instructors also add staff and beta testers.
 */
public final class CourseRunPermissions {

    /** What the caller holds, looked up by the service (token roles, or auth when the token overflowed). */
    public interface Holdings {
        boolean isAdmin();

        boolean has(String role, String scope);
    }

    private CourseRunPermissions() {
    }

    public static boolean mayCreate(Holdings caller, String org) {
        return caller.isAdmin() || caller.has("org_admin", org);
    }

    public static boolean mayEdit(Holdings caller, CourseKey key) {
        return mayCreate(caller, key.org()) || caller.has("course_instructor", key.toString())
                || caller.has("course_staff", key.toString());
    }

    /** The course team reads the grading policy history and the team list. */
    public static boolean isTeam(Holdings caller, CourseKey key) {
        return mayEdit(caller, key);
    }

    public static boolean mayManageTeamRole(Holdings caller, CourseKey key, String role) {
        if (mayCreate(caller, key.org())) {
            return true;
        }
        return !"course_instructor".equals(role) && caller.has("course_instructor", key.toString());
    }
}
