package io.openlearn.auth.rest;

import io.openlearn.auth.domain.RoleGrant;
import io.openlearn.auth.service.RoleService;
import io.openlearn.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Answers "does this user hold this role on this scope" for services whose caller's token could not carry all its
 * roles (the {@code roles_overflow} claim). Services cache answers briefly.
 */
@Path("/api/auth/v1/permissions/check")
@RolesAllowed({"service", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class PermissionResource {

    /** How long a service may reuse an answer. */
    static final String CACHE_CONTROL = "private, max-age=30";

    private final RoleService roles;

    public PermissionResource(RoleService roles) {
        this.roles = roles;
    }

    public record Answer(UUID userId, String role, String scope, boolean allowed) {
    }

    @GET
    public Response check(@QueryParam("user") @NotNull String userParam, @QueryParam("role") @NotBlank String role,
            @QueryParam("scope") @NotBlank String scope) {
        UUID user;
        try {
            user = UUID.fromString(userParam);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("user", "a platform user id (UUID)");
        }
        RoleGrant grant = CallerContext.grant(role, scope);
        return Response.ok(new Answer(user, role, scope, roles.holds(user, grant)))
                .header("Cache-Control", CACHE_CONTROL).build();
    }
}
