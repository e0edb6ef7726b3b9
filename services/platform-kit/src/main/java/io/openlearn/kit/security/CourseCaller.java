package io.openlearn.kit.security;

import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who the caller of a request is to a course: a learner (themselves only), the course's team, an admin, or a
 * platform service. The object-level checks every course-scoped service makes, stated once.
 */
@ApplicationScoped
public class CourseCaller {

    private final JsonWebToken jwt;
    private final RoleChecker roles;

    public CourseCaller(JsonWebToken jwt, RoleChecker roles) {
        this.jwt = jwt;
        this.roles = roles;
    }

    public UUID caller() {
        return Callers.userId(jwt);
    }

    /** The name history and audit lines record: the username, else the subject. */
    public String callerName() {
        String name = jwt.getClaim("preferred_username");
        return name != null ? name : jwt.getSubject();
    }

    public boolean isAdmin() {
        return jwt.getGroups().contains("admin");
    }

    public boolean isService() {
        return jwt.getGroups().contains("service");
    }

    /** Admins, the org's admins, the course's instructors and staff (400 for a malformed course key). */
    public boolean isStaff(String courseKey) {
        return roles.isCourseTeam(jwt, CourseKeys.require(courseKey));
    }

    /** A beta tester of the course (Open edX's course_beta_tester role): sees releases early. */
    public boolean isBetaTester(String courseKey) {
        return roles.holds(jwt, "course_beta_tester", CourseKeys.require(courseKey));
    }

    public void requireStaff(String courseKey) {
        if (!isStaff(courseKey)) {
            throw new ProblemException(403, "Only the course's staff may do this.");
        }
    }

    public void requireStaffOrService(String courseKey) {
        if (!isService() && !isStaff(courseKey)) {
            throw new ProblemException(403, "Only the course's staff and platform services may do this.");
        }
    }

    /** The learner themselves, the course's staff, or a platform service. */
    public void requireSelfOrStaff(String courseKey, UUID learner) {
        CourseKeys.require(courseKey);
        if (!learner.equals(caller()) && !isService() && !isStaff(courseKey)) {
            throw new ProblemException(403, "Learners see only their own data.");
        }
    }
}
