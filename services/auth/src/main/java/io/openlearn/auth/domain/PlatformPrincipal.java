package io.openlearn.auth.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Everything a platform JWT asserts about its bearer. */
public record PlatformPrincipal(UUID id, String username, String email, Set<String> groups, List<String> roles,
        boolean rolesOverflow, String scope) {

    /**
     * Keeps tokens small: past {@code max} scoped roles the token carries none and says so, and services ask auth
     * about the one role they need.
     */
    public static PlatformPrincipal capped(UUID id, String username, String email, Set<String> groups,
            List<String> roles, int max, String scope) {
        boolean overflow = roles.size() > max;
        return new PlatformPrincipal(id, username, email, groups, overflow ? List.of() : roles, overflow, scope);
    }
}
