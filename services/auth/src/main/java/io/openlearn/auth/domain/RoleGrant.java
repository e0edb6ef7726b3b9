package io.openlearn.auth.domain;

import io.openlearn.kit.keys.CourseKeys;
import java.util.regex.Pattern;

/** A role on a scope: {@code course_staff} on {@code course-v1:Org+Num+Run}, {@code org_admin} on {@code Org}. */
public record RoleGrant(RoleName role, String scope) {

    public static final String PLATFORM_SCOPE = "platform";
    static final Pattern ORG = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public RoleGrant {
        String problem = switch (role.scopeKind()) {
            case PLATFORM -> PLATFORM_SCOPE.equals(scope) ? null : "platform roles take the scope 'platform'";
            case ORG -> scope != null && ORG.matcher(scope).matches() ? null
                    : "org roles take an organization key (letters, digits, _ . -; at most 64)";
            case COURSE -> CourseKeys.isCourseKey(scope) ? null
                    : "course roles take a course key such as course-v1:Org+Number+Run";
        };
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The organization the scope belongs to; empty for platform roles. */
    public String org() {
        return switch (role.scopeKind()) {
            case PLATFORM -> "";
            case ORG -> scope;
            case COURSE -> CourseKeys.orgOf(scope);
        };
    }

    /** The entry this grant contributes to the {@code roles} claim. */
    public String claim() {
        return role.wireName() + ":" + scope;
    }
}
