package io.openlearn.kit.servicetoken;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * An OAuth token endpoint at its full URL: the identity provider's (client credentials) and auth's (RFC 8693 token
 * exchange, contracts/auth.openapi.yaml {@code /api/auth/v1/token}).
 */
@Produces(MediaType.APPLICATION_JSON)
interface TokenEndpointApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tokens(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Tokens token(MultivaluedMap<String, String> form);
}
