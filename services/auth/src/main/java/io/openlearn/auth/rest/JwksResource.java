package io.openlearn.auth.rest;

import io.openlearn.auth.domain.RsaJwk;
import io.openlearn.auth.service.SigningKeyService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Publishes the keys that verify platform JWTs, where OpenID-style clients look for them and under the API. */
@Path("/")
public class JwksResource {

    /** Verifiers may cache the set briefly; a new key is published well before it signs anything. */
    static final String CACHE_CONTROL = "public, max-age=300";

    private final SigningKeyService keys;

    public JwksResource(SigningKeyService keys) {
        this.keys = keys;
    }

    @GET
    @Path(".well-known/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response wellKnown() {
        return jwks();
    }

    @GET
    @Path("api/auth/v1/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        var body = Map.of("keys", keys.publishedKeys().stream().map(RsaJwk::toJson).toList());
        return Response.ok(body).header("Cache-Control", CACHE_CONTROL).build();
    }
}
