package io.openlearn.kit.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** auth's permission check (contracts/auth.openapi.yaml, {@code /api/auth/v1/permissions/check}). */
@Path("/api/auth/v1/permissions/check")
@Produces(MediaType.APPLICATION_JSON)
interface PermissionsApi {

    @GET
    AuthCalls.Permission check(@QueryParam("user") String user, @QueryParam("role") String role,
            @QueryParam("scope") String scope);
}
