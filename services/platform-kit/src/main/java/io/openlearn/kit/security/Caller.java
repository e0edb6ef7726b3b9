package io.openlearn.kit.security;

import io.openlearn.kit.problem.ProblemException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who calls: the platform user (the token's {@code sub}), their name for audit lines, their platform groups
 * ({@code admin}, {@code service}, ...) and the roles they hold on a scope. Plain Java: built from the request's
 * token by {@link CourseCaller#current()}, and in tests from values. What the caller may do to a course is stated once
 * in {@link CoursePermissions}.
 */
public final class Caller {

    /** Whether the caller holds a role on a scope: the token's {@code roles}, or auth's answer when they overflowed. */
    @FunctionalInterface
    public interface Roles {
        boolean holds(String role, String scope);
    }

    private final String subject;
    private final String username;
    private final Set<String> groups;
    private final Roles roles;

    public Caller(String subject, String username, Set<String> groups, Roles roles) {
        this.subject = subject;
        this.username = username;
        this.groups = groups == null ? Set.of() : Set.copyOf(groups);
        this.roles = Objects.requireNonNull(roles);
    }

    /** The platform user's UUID in auth; 401 when the subject is not one (only auth mints platform tokens). */
    public UUID userId() {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(401, "The token does not name a platform user.");
        }
    }

    /** The token's subject as it came. */
    public String subject() {
        return subject;
    }

    /** The token's {@code preferred_username}; null when it carries none. */
    public String username() {
        return username;
    }

    /** The name history and audit lines record: the username, else the subject. */
    public String name() {
        return username != null ? username : subject;
    }

    public Set<String> groups() {
        return groups;
    }

    public boolean isAdmin() {
        return groups.contains("admin");
    }

    /** A platform service (group {@code service}), calling with its own token. */
    public boolean isService() {
        return groups.contains("service");
    }

    public boolean holds(String role, String scope) {
        return roles.holds(role, scope);
    }
}
