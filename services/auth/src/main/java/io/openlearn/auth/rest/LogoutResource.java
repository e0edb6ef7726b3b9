package io.openlearn.auth.rest;

import io.openlearn.auth.service.Caller;
import io.openlearn.auth.service.RevocationService;
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

    public LogoutResource(RevocationService revocations, JsonWebToken jwt) {
        this.revocations = revocations;
        this.jwt = jwt;
    }

    @POST
    public Response logout() {
        Caller caller = CallerContext.caller(jwt);
        revocations.revokeToken(jwt.getTokenID(), caller.id(), Instant.ofEpochSecond(jwt.getExpirationTime()),
                caller.id());
        return Response.noContent().build();
    }
}
