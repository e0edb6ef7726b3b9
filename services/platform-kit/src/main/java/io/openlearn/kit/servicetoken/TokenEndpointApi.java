package io.openlearn.kit.servicetoken;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.openlearn.kit.requestid.RequestIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * An OAuth token endpoint at its full URL: the identity provider's (client credentials) and auth's (RFC 8693 token
 * exchange, contracts/auth.openapi.yaml {@code /api/auth/v1/token}). The service token provider and the gateway's
 * exchange of callers' tokens both speak it.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface TokenEndpointApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tokens(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Tokens token(MultivaluedMap<String, String> form);

    /** The same call on behalf of a request whose id is not in this thread's logging context. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Tokens token(@HeaderParam(RequestIds.HEADER) String requestId, MultivaluedMap<String, String> form);
}
