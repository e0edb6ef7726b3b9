package io.openlearn.authoring.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** auth's role assignments (contracts/auth.openapi.yaml, {@code /api/auth/v1/role-assignments}). */
@Path("/api/auth/v1/role-assignments")
@Produces(MediaType.APPLICATION_JSON)
interface RoleAssignmentsApi {

    @GET
    AuthCalls.Page list(@QueryParam("scope") String scope, @QueryParam("limit") int limit,
            @QueryParam("after") String after);

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    AuthCalls.Assignment add(AuthCalls.Grant grant);

    @DELETE
    @Path("/{id}")
    void remove(@PathParam("id") long id, @QueryParam("reason") String reason);
}
