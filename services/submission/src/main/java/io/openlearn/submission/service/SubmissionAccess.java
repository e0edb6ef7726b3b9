package io.openlearn.submission.service;

import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Callers;
import io.openlearn.kit.security.RoleChecker;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the caller is to a course: its learner (themselves only), its staff, or a platform service. */
@ApplicationScoped
public class SubmissionAccess {

    private final JsonWebToken jwt;
    private final RoleChecker roles;

    public SubmissionAccess(JsonWebToken jwt, RoleChecker roles) {
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

    public boolean isService() {
        return jwt.getGroups().contains("service");
    }

    public boolean isStaff(String courseKey) {
        return roles.isCourseTeam(jwt, CourseKeys.require(courseKey));
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
}
