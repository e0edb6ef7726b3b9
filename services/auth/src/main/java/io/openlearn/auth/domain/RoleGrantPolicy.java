package io.openlearn.auth.domain;

import java.util.List;
import java.util.Set;

/**
 * Who may grant and revoke what, as Open edX delegates course administration: an admin anything; an org admin any
 * org or course role within its organization; a course instructor the staff and beta testers of its own course.
 */
public final class RoleGrantPolicy {

    /**
     * The caller, as their platform token describes them. A team delegate is a platform service trusted to manage
     * course teams after checking the person it acts for (course-authoring's course team API).
     */
    public record Actor(Set<String> groups, List<String> roles, boolean teamDelegate) {

        public Actor(Set<String> groups, List<String> roles) {
            this(groups, roles, false);
        }

        boolean isAdmin() {
            return groups.contains("admin");
        }

        boolean has(RoleName role, String scope) {
            return roles.contains(role.wireName() + ":" + scope);
        }
    }

    private RoleGrantPolicy() {
    }

    public static boolean mayManage(Actor actor, RoleGrant grant) {
        if (actor.isAdmin()) {
            return true;
        }
        return switch (grant.role().scopeKind()) {
            case PLATFORM -> false;
            case ORG -> actor.has(RoleName.ORG_ADMIN, grant.org());
            case COURSE -> actor.teamDelegate() || actor.has(RoleName.ORG_ADMIN, grant.org())
                    || (grant.role() != RoleName.COURSE_INSTRUCTOR
                            && actor.has(RoleName.COURSE_INSTRUCTOR, grant.scope()));
        };
    }

    /** Reading who holds roles on a scope is open to those who could change them. */
    public static boolean mayView(Actor actor, RoleGrant grantOnScope) {
        return mayManage(actor, grantOnScope);
    }
}
