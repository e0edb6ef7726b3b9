package io.openlearn.auth.rest;

import io.openlearn.auth.repository.PlatformUserRepository;
import io.openlearn.auth.repository.RoleAuditRepository;
import io.openlearn.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The role audit log, for admins: filter by target, actor, scope and time; oldest first, cursor paginated. */
@Path("/api/auth/v1/role-audit")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class RoleAuditResource {

    private final RoleAuditRepository audit;
    private final PlatformUserRepository users;

    public RoleAuditResource(RoleAuditRepository audit, PlatformUserRepository users) {
        this.audit = audit;
        this.users = users;
    }

    public record Page(List<RoleAuditRepository.Entry> items, String nextCursor) {
    }

    @GET
    @Transactional
    public Page list(@QueryParam("target") @Size(max = 255) String target,
            @QueryParam("actor") @Size(max = 255) String actor,
            @QueryParam("scope") @Size(max = 255) String scope,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        var filter = new RoleAuditRepository.Filter(userId(target), userId(actor), scope, instant("from", from),
                instant("to", to), CallerContext.cursor(after), limit);
        List<RoleAuditRepository.Entry> items = audit.list(filter);
        String next = items.size() == limit ? String.valueOf(items.get(items.size() - 1).id()) : null;
        return new Page(items, next);
    }

    private UUID userId(String username) {
        if (username == null) {
            return null;
        }
        return users.findByUsername(username).map(u -> u.id)
                .orElseThrow(() -> new ProblemException(404, "No platform user named " + username + "."));
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "an ISO-8601 instant such as 2026-11-26T12:00:00Z");
        }
    }
}
