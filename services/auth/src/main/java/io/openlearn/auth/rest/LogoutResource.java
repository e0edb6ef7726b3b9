package io.openlearn.auth.rest;

import io.openlearn.auth.service.RevocationService;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Logs out the token this request carries: it is refused everywhere within one revocation poll interval. */
@Path("/api/auth/v1/logout")
@Authenticated
public class LogoutResource {

    private final RevocationService revocations;
    private final JsonWebToken jwt;
    private final CourseCaller callers;

    public LogoutResource(RevocationService revocations, JsonWebToken jwt, CourseCaller callers) {
        this.revocations = revocations;
        this.jwt = jwt;
        this.callers = callers;
    }

    @POST
    public Response logout() {
        Caller caller = callers.current();
        revocations.revokeToken(jwt.getTokenID(), caller.userId(), Instant.ofEpochSecond(jwt.getExpirationTime()),
                caller.userId());
        return Response.noContent().build();
    }
}
