package io.openlearn.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request as a {@link Caller}: the platform token's subject, {@code preferred_username} and
 * groups, and its roles through {@link RoleChecker#holds} (which asks auth when the token says
 * {@code roles_overflow}). Resources take the caller from here and hand it to the use case, which decides with
 * {@link CoursePermissions}.
 */
@ApplicationScoped
public class CourseCaller {

    private final JsonWebToken jwt;
    private final RoleChecker roles;

    public CourseCaller(JsonWebToken jwt, RoleChecker roles) {
        this.jwt = jwt;
        this.roles = roles;
    }

    /** The request's caller; use it within the request (its role lookups read the request's token). */
    public Caller current() {
        JsonWebToken token = jwt;
        return new Caller(token.getSubject(), token.getClaim("preferred_username"), token.getGroups(),
                (role, scope) -> roles.holds(token, role, scope));
    }
}
