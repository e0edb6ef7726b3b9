package io.openlearn.auth.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JWKS under the API prefix, for callers who only reach {@code /api/**} through the gateway. Its own class: a
 * resource rooted at {@code /} would lose the match to any resource rooted deeper under {@code /api/auth/v1}.
 */
@Path("/api/auth/v1/jwks.json")
public class ApiJwksResource {

    private final JwksResponses jwks;

    public ApiJwksResource(JwksResponses jwks) {
        this.jwks = jwks;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        return jwks.jwks();
    }
}
