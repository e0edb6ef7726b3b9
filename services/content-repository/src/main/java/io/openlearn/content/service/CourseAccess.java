package io.openlearn.content.service;

import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.RoleChecker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may do what with a course's content, as Studio decides: admins, the org's admins and the course's
 * instructors and staff author it; services (submission, grades) and the authors read answer keys; every signed-in
 * user reads published content without them.
 */
@ApplicationScoped
public class CourseAccess {

    private final JsonWebToken jwt;
    private final RoleChecker roles;

    public CourseAccess(JsonWebToken jwt, RoleChecker roles) {
        this.jwt = jwt;
        this.roles = roles;
    }

    public boolean isService() {
        return jwt.getGroups().contains("service");
    }

    public boolean mayAuthor(String courseKey) {
        return roles.isCourseTeam(jwt, CourseKeys.require(courseKey));
    }

    public void requireAuthor(String courseKey) {
        if (!mayAuthor(courseKey)) {
            throw new ProblemException(403, "Only the course's team edits its content.");
        }
    }

    /** Services and the course team; copies between runs are a service's (or an admin's) job. */
    public void requireServiceOrAuthor(String courseKey) {
        if (!isService() && !mayAuthor(courseKey)) {
            throw new ProblemException(403, "Only services and the course's team may do this.");
        }
    }

    public boolean maySeeAnswerKeys(String courseKey) {
        return isService() || mayAuthor(courseKey);
    }

    public String caller() {
        String name = jwt.getClaim("preferred_username");
        return name != null ? name : jwt.getSubject();
    }
}
