package io.openlearn.enrollment.service;

import io.openlearn.kit.security.Callers;
import io.openlearn.kit.security.RoleChecker;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of an enrollment use case and whether they run the course (staff, admins, platform services). */
public record Actor(UUID userId, String username, JsonWebToken jwt, RoleChecker roles) {

    public static Actor of(JsonWebToken jwt, RoleChecker roles) {
        return new Actor(Callers.userId(jwt), jwt.getClaim("preferred_username"), jwt, roles);
    }

    public boolean mayManage(String courseKey) {
        return jwt.getGroups().contains("service") || roles.isCourseTeam(jwt, courseKey);
    }
}
