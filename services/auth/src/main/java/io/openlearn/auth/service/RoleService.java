package io.openlearn.auth.service;

import io.openlearn.auth.domain.RoleGrant;
import io.openlearn.auth.domain.RoleGrantPolicy;
import io.openlearn.auth.repository.PlatformUserEntity;
import io.openlearn.auth.repository.PlatformUserRepository;
import io.openlearn.auth.repository.RoleAssignmentRepository;
import io.openlearn.auth.repository.RoleAssignmentRepository.Assignment;
import io.openlearn.auth.repository.RoleAuditRepository;
import io.openlearn.auth.repository.RoleAuditRepository.Person;
import io.openlearn.events.AuthRoleChanged;
import io.openlearn.events.Events;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Grants and revokes roles. The caller's own rights are read from this database, not from their token, so a role
 * revoked a moment ago cannot be used to grant. Each change is audited and announced in the same transaction.
 */
@ApplicationScoped
public class RoleService {

    private final RoleAssignmentRepository assignments;
    private final RoleAuditRepository audit;
    private final PlatformUserRepository users;
    private final OutboxWriter outbox;
    private final Set<String> teamDelegates;

    public RoleService(RoleAssignmentRepository assignments, RoleAuditRepository audit, PlatformUserRepository users,
            OutboxWriter outbox, io.openlearn.auth.config.AuthConfig config) {
        this.assignments = assignments;
        this.audit = audit;
        this.users = users;
        this.outbox = outbox;
        this.teamDelegates = Set.copyOf(config.teamDelegates());
    }

    public record Granted(Assignment assignment, boolean created) {
    }

    @Transactional
    public Granted grant(Caller caller, String username, RoleGrant grant, String reason) {
        requireManage(caller, grant);
        PlatformUserEntity target = users.findByUsername(username).orElseThrow(() -> new ProblemException(404,
                "No platform user named " + username + "; a user exists once they have signed in."));
        Instant now = Instant.now();
        var inserted = assignments.insert(target.id, grant, caller.userId(), now);
        if (inserted.isPresent()) {
            record(AuthRoleChanged.Action.GRANT, grant, new Person(target.id, target.username), caller, reason, now);
        }
        return new Granted(assignments.find(target.id, grant).orElseThrow(), inserted.isPresent());
    }

    @Transactional
    public void revoke(Caller caller, long assignmentId, String reason) {
        Assignment assignment = assignments.find(assignmentId)
                .orElseThrow(() -> new ProblemException(404, "No role assignment " + assignmentId + "."));
        RoleGrant grant = toGrant(assignment);
        requireManage(caller, grant);
        assignments.delete(assignmentId);
        record(AuthRoleChanged.Action.REVOKE, grant, new Person(assignment.userId(), assignment.username()), caller,
                reason,
                Instant.now());
    }

    /** Assignments on a scope (for those who may manage it) or of one user (themselves, or for admins). */
    @Transactional
    public List<Assignment> list(Caller caller, RoleAssignmentRepository.Filter filter, RoleGrant scopeProbe) {
        boolean own = caller.userId().equals(filter.userId());
        RoleGrantPolicy.Actor actor = actorOf(caller);
        boolean admin = actor.groups().contains("admin");
        if (!own && !admin && (scopeProbe == null || !RoleGrantPolicy.mayView(actor, scopeProbe))) {
            throw new ProblemException(403, "You may not list these role assignments.");
        }
        return assignments.list(filter);
    }

    /** Whether a user holds a role: for services whose caller's token had too many roles to carry them all. */
    @Transactional
    public boolean holds(UUID userId, RoleGrant grant) {
        return assignments.holds(userId, grant);
    }

    public RoleGrantPolicy.Actor actorOf(Caller caller) {
        Set<String> groups = new HashSet<>(caller.groups());
        List<String> roles = new java.util.ArrayList<>();
        for (RoleGrant grant : assignments.grantsOf(caller.userId())) {
            if (RoleGrant.PLATFORM_SCOPE.equals(grant.scope())) {
                groups.add(grant.role().wireName());
            } else {
                roles.add(grant.claim());
            }
        }
        boolean delegate = caller.groups().contains("service") && teamDelegates.contains(caller.username());
        return new RoleGrantPolicy.Actor(groups, roles, delegate);
    }

    private void requireManage(Caller caller, RoleGrant grant) {
        if (!RoleGrantPolicy.mayManage(actorOf(caller), grant)) {
            throw new ProblemException(403, "You may not grant or revoke " + grant.role().wireName() + " on "
                    + grant.scope() + ".");
        }
    }

    private void record(AuthRoleChanged.Action action, RoleGrant grant, Person target, Caller caller, String reason,
            Instant at) {
        Person actor = new Person(caller.userId(), caller.username());
        audit.append(action.name(), grant, target, actor, reason, at);
        outbox.append(Events.AUTH_ROLE_CHANGED, target.id().toString(), new AuthRoleChanged(action,
                grant.role().wireName(), grant.scope(), target.id(), target.username(), actor.id(), actor.username(),
                reason, at));
    }

    static RoleGrant toGrant(Assignment assignment) {
        return new RoleGrant(io.openlearn.auth.domain.RoleName.fromWireName(assignment.role()).orElseThrow(),
                assignment.scope());
    }
}
