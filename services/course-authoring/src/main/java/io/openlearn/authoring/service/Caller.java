package io.openlearn.authoring.service;

import io.openlearn.authoring.domain.CourseRunPermissions;
import io.openlearn.kit.security.RoleChecker;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller and what they hold: the token's groups and roles, auth's answer when the token overflowed. */
public record Caller(String username, JsonWebToken jwt, RoleChecker roles) implements CourseRunPermissions.Holdings {

    @Override
    public boolean isAdmin() {
        return jwt.getGroups().contains("admin");
    }

    public boolean isService() {
        return jwt.getGroups().contains("service");
    }

    @Override
    public boolean has(String role, String scope) {
        return roles.holds(jwt, role, scope);
    }
}
