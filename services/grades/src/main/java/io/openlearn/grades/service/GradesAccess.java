package io.openlearn.grades.service;

import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Callers;
import io.openlearn.kit.security.RoleChecker;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who may read and change grades: a learner their own, the course team their course, admins everything. */
@ApplicationScoped
public class GradesAccess {

    private final JsonWebToken jwt;
    private final RoleChecker roles;

    public GradesAccess(JsonWebToken jwt, RoleChecker roles) {
        this.jwt = jwt;
        this.roles = roles;
    }

    public UUID caller() {
        return Callers.userId(jwt);
    }

    public String callerName() {
        String name = jwt.getClaim("preferred_username");
        return name != null ? name : jwt.getSubject();
    }

    public boolean isAdmin() {
        return jwt.getGroups().contains("admin");
    }

    public boolean isStaff(String courseKey) {
        return roles.isCourseTeam(jwt, CourseKeys.require(courseKey));
    }

    public void requireStaff(String courseKey) {
        if (!isStaff(courseKey)) {
            throw new ProblemException(403, "Only the course's staff may do this.");
        }
    }

    /** The learner themselves, the course's staff, or a platform service. */
    public void requireSelfOrStaff(String courseKey, UUID learner) {
        CourseKeys.require(courseKey);
        if (!learner.equals(caller()) && !jwt.getGroups().contains("service") && !isStaff(courseKey)) {
            throw new ProblemException(403, "Learners see only their own grades.");
        }
    }
}
