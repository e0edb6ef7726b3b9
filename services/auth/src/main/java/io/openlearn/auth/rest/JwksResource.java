package io.openlearn.auth.rest;

import io.openlearn.auth.config.AuthConfig;
import io.openlearn.auth.domain.RsaJwk;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys that verify platform JWTs and the discovery document, where OpenID-style clients look for them. */
@Path("/.well-known")
public class JwksResource {

    private final JwksResponses jwks;
    private final AuthConfig config;

    public JwksResource(JwksResponses jwks, AuthConfig config) {
        this.jwks = jwks;
        this.config = config;
    }

    @GET
    @Path("jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response wellKnown() {
        return jwks.jwks();
    }

    /** OpenID-style discovery, so generic JWT libraries find the keys and the token endpoint from the issuer. */
    @GET
    @Path("openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response discovery() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", config.issuer());
        body.put("jwks_uri", config.issuer() + "/.well-known/jwks.json");
        body.put("token_endpoint", config.issuer() + "/api/auth/v1/token");
        body.put("grant_types_supported", List.of(TokenResource.TOKEN_EXCHANGE));
        body.put("token_endpoint_auth_methods_supported", List.of("none"));
        body.put("id_token_signing_alg_values_supported", List.of(RsaJwk.ALGORITHM));
        body.put("subject_types_supported", List.of("public"));
        body.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "jti", "preferred_username",
                "email", "groups", "scope", "roles", "roles_overflow"));
        return Response.ok(body).header("Cache-Control", JwksResponses.CACHE_CONTROL).build();
    }
}
