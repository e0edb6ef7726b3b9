package io.openlearn.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openlearn.auth.domain.RoleGrant;
import io.openlearn.auth.repository.PlatformUserEntity;
import io.openlearn.auth.repository.PlatformUserRepository;
import io.openlearn.auth.repository.RoleAssignmentRepository;
import io.openlearn.auth.service.RevocationService;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Users by username or id: admins and platform services look them up (enrollment resolves usernames for bulk
 * enrollment and checks that a user id it is asked to enroll exists); a user's tokens can be revoked all at once.
 */
@Path("/api/auth/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final PlatformUserRepository users;
    private final RoleAssignmentRepository assignments;
    private final RevocationService revocations;
    private final CourseCaller callers;

    public UserResource(PlatformUserRepository users, RoleAssignmentRepository assignments,
            RevocationService revocations, CourseCaller callers) {
        this.users = users;
        this.assignments = assignments;
        this.revocations = revocations;
        this.callers = callers;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record User(UUID id, String username, String email, String name, boolean service, Instant createdAt,
            Instant lastSeenAt, List<String> roles) {
    }

    @GET
    @Path("/{username}")
    @RolesAllowed({"admin", "service"})
    @Transactional
    public User byUsername(@PathParam("username") @Size(max = 255) String username) {
        PlatformUserEntity user = users.findByUsername(username)
                .orElseThrow(() -> new ProblemException(404, "No platform user named " + username + "."));
        return view(user);
    }

    private User view(PlatformUserEntity user) {
        List<String> roles = assignments.grantsOf(user.id).stream().map(RoleGrant::claim).toList();
        return new User(user.id, user.username, user.email, user.fullName, user.service, user.createdAt,
                user.lastSeenAt, roles);
    }

    /** The same answer by platform user id; 400 when the id is not a UUID, 404 when no user has it. */
    @GET
    @Path("/by-id/{id}")
    @RolesAllowed({"admin", "service"})
    @Transactional
    public User byId(@PathParam("id") String idParam) {
        UUID id;
        try {
            id = UUID.fromString(idParam);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "a platform user id (UUID)");
        }
        PlatformUserEntity user = users.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(404, "No platform user has id " + id + "."));
        return view(user);
    }

    /** Refuses every token of the user issued until now (a user may do this to themselves; admins to anyone). */
    @POST
    @Path("/{username}/token-revocation")
    @Authenticated
    public Response revokeAll(@PathParam("username") @Size(max = 255) String username) {
        Caller caller = callers.current();
        UUID target = users.findByUsername(username).map(u -> u.id)
                .orElseThrow(() -> new ProblemException(404, "No platform user named " + username + "."));
        // one second past now: a token issued in this very second (iat has second precision) is refused too
        revocations.revokeUserTokensIssuedBefore(caller, target, Instant.now().plusSeconds(1));
        return Response.noContent().build();
    }
}
