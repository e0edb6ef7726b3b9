package io.openlearn.auth.rest;

import io.openlearn.auth.domain.RoleGrant;
import io.openlearn.auth.domain.RoleName;
import io.openlearn.kit.problem.ProblemException;
import java.util.Arrays;

/** Turns request input into domain values, answering 400 with the field at fault when it cannot. */
final class CallerContext {

    private CallerContext() {
    }

    static RoleGrant grant(String role, String scope) {
        RoleName name =
                RoleName.fromWireName(role).orElseThrow(() -> ProblemException.invalid("role", "unknown role '" + role
                        + "'; one of " + Arrays.stream(RoleName.values()).map(RoleName::wireName).toList()));
        try {
            return new RoleGrant(name, scope);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("scope", e.getMessage());
        }
    }

    static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("after", "not a cursor returned by this API");
        }
    }
}
