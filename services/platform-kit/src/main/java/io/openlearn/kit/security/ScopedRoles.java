package io.openlearn.kit.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@code roles} claim of a platform JWT: entries {@code role:scope} such as
 * {@code course_staff:course-v1:Org+Num+Run} or {@code org_admin:Org}.
 */
public record ScopedRoles(List<String> entries) {

    public static final String CLAIM = "roles";

    public static ScopedRoles of(JsonWebToken jwt) {
        Object claim = jwt.getClaim(CLAIM);
        if (claim instanceof JsonArray array) {
            return new ScopedRoles(array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
        if (claim instanceof Collection<?> values) {
            return new ScopedRoles(values.stream().map(String::valueOf).toList());
        }
        return new ScopedRoles(List.of());
    }

    public boolean has(String role, String scope) {
        return entries.contains(role + ":" + scope);
    }
}
