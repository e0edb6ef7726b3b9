package io.openlearn.kit.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** auth's revocation feed at {@code openlearn.revocation.url} (contracts/auth.openapi.yaml, {@code /revocations}). */
@Produces(MediaType.APPLICATION_JSON)
interface RevocationFeedApi {

    /** {@code since} null: every revocation still relevant. */
    @GET
    AuthCalls.Feed since(@QueryParam("since") String since);
}
