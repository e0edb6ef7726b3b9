package io.openlearn.auth.rest;

import io.openlearn.auth.domain.RoleGrant;
import io.openlearn.auth.domain.RoleName;
import io.openlearn.auth.repository.PlatformUserRepository;
import io.openlearn.auth.repository.RoleAssignmentRepository;
import io.openlearn.auth.repository.RoleAssignmentRepository.Assignment;
import io.openlearn.auth.service.RoleService;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Platform roles and course/org roles: grant, revoke, list. Who may do which is RoleGrantPolicy's call. */
@Path("/api/auth/v1/role-assignments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RoleAssignmentResource {

    static final int MAX_PAGE = 200;

    private final RoleService roles;
    private final PlatformUserRepository users;
    private final CourseCaller callers;

    public RoleAssignmentResource(RoleService roles, PlatformUserRepository users, CourseCaller callers) {
        this.roles = roles;
        this.users = users;
        this.callers = callers;
    }

    public record GrantRequest(@NotBlank @Size(max = 255) String username, @NotBlank String role,
            @NotNull @Size(max = 255) String scope, @Size(max = 1000) String reason) {
    }

    public record RoleAssignment(long id, UUID userId, String username, String role, String scope,
            UUID grantedBy, Instant grantedAt) {
        static RoleAssignment of(Assignment a) {
            return new RoleAssignment(a.id(), a.userId(), a.username(), a.role(), a.scope(), a.grantedBy(),
                    a.grantedAt());
        }
    }

    public record Page(List<RoleAssignment> items, String nextCursor) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(@NotNull @Valid GrantRequest request) {
        RoleGrant grant = CallerContext.grant(request.role(), request.scope());
        RoleService.Granted granted = roles.grant(callers.current(), request.username(), grant,
                request.reason());
        // granting what is already held changes nothing: 200 with the existing assignment, not a second row
        return Response.status(granted.created() ? 201 : 200).entity(RoleAssignment.of(granted.assignment())).build();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id, @QueryParam("reason") @Size(max = 1000) String reason) {
        roles.revoke(callers.current(), id, reason);
        return Response.noContent().build();
    }

    @GET
    public Page list(@QueryParam("username") @Size(max = 255) String username,
            @QueryParam("scope") @Size(max = 255) String scope,
            @QueryParam("role") String role,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_PAGE) int limit) {
        if (username == null && scope == null) {
            throw ProblemException.invalid("username", "give a username or a scope to list role assignments of");
        }
        UUID userId = null;
        if (username != null) {
            userId = users.findByUsername(username).map(u -> u.id)
                    .orElseThrow(() -> new ProblemException(404, "No platform user named " + username + "."));
        }
        if (role != null) {
            CallerContext.grant(role, scope == null ? probeScope(role) : scope);
        }
        RoleGrant probe = scope == null ? null : probeFor(scope);
        var filter = new RoleAssignmentRepository.Filter(userId, scope, role, CallerContext.cursor(after), limit);
        List<RoleAssignment> items = roles.list(callers.current(), filter, probe).stream()
                .map(RoleAssignment::of).toList();
        String next = items.size() == limit ? String.valueOf(items.get(items.size() - 1).id()) : null;
        return new Page(items, next);
    }

    /** A grant on the scope that stands for "may manage this scope" when deciding who may read it. */
    private static RoleGrant probeFor(String scope) {
        if (RoleGrant.PLATFORM_SCOPE.equals(scope)) {
            return new RoleGrant(RoleName.STAFF, scope);
        }
        if (scope.startsWith("course-v1:")) {
            return CallerContext.grant(RoleName.COURSE_STAFF.wireName(), scope);
        }
        return CallerContext.grant(RoleName.ORG_STAFF.wireName(), scope);
    }

    private static String probeScope(String role) {
        return switch (RoleName.fromWireName(role).map(RoleName::scopeKind).orElse(RoleName.ScopeKind.PLATFORM)) {
            case PLATFORM -> RoleGrant.PLATFORM_SCOPE;
            case ORG -> "Org";
            case COURSE -> "course-v1:Org+Num+Run";
        };
    }
}
