package io.openlearn.auth.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Everything a platform JWT asserts about its bearer. */
public record PlatformPrincipal(UUID id, String username, String email, Set<String> groups, List<String> roles,
                                String scope) {
}
