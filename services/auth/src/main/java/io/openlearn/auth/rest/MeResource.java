package io.openlearn.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.openlearn.auth.repository.PlatformUserEntity;
import io.openlearn.auth.repository.PlatformUserRepository;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.kit.security.ScopedRoles;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/auth/v1/me")
@Authenticated
public class MeResource {

    private final JsonWebToken jwt;
    private final CourseCaller callers;
    private final PlatformUserRepository users;

    public MeResource(JsonWebToken jwt, PlatformUserRepository users, CourseCaller callers) {
        this.jwt = jwt;
        this.callers = callers;
        this.users = users;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(UUID id, String username, String email, String name, Set<String> groups, List<String> roles,
            Boolean rolesOverflow) {
    }

    /** Present only when the token had more roles than it could carry. */
    private static Boolean overflow(JsonWebToken jwt) {
        Object claim = jwt.getClaim("roles_overflow");
        return claim != null && ("true".equals(String.valueOf(claim))) ? Boolean.TRUE : null;
    }

    /** The identity and roles the caller's token asserts, with the name auth keeps for them. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        UUID id = callers.current().userId();
        PlatformUserEntity user = users.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(404, "No platform user " + id + "."));
        return new Me(id, user.username, user.email, user.fullName, new TreeSet<>(jwt.getGroups()),
                ScopedRoles.of(jwt).entries(), overflow(jwt));
    }
}
