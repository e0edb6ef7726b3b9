package io.openlearn.auth.domain;

import java.util.Arrays;
import java.util.Optional;

/** The roles auth grants, each with the kind of scope it applies to (Open edX's roles and their filters). */
public enum RoleName {
    ADMIN("admin", ScopeKind.PLATFORM),
    STAFF("staff", ScopeKind.PLATFORM),
    ORG_ADMIN("org_admin", ScopeKind.ORG),
    ORG_STAFF("org_staff", ScopeKind.ORG),
    COURSE_INSTRUCTOR("course_instructor", ScopeKind.COURSE),
    COURSE_STAFF("course_staff", ScopeKind.COURSE),
    COURSE_BETA_TESTER("course_beta_tester", ScopeKind.COURSE);

    public enum ScopeKind { PLATFORM, ORG, COURSE }

    private final String wireName;
    private final ScopeKind scopeKind;

    RoleName(String wireName, ScopeKind scopeKind) {
        this.wireName = wireName;
        this.scopeKind = scopeKind;
    }

    public String wireName() {
        return wireName;
    }

    public ScopeKind scopeKind() {
        return scopeKind;
    }

    public static Optional<RoleName> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
