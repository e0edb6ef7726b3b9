package io.openlearn.enrollment.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** auth's platform users (contracts/auth.openapi.yaml: {@code /users/{username}}, {@code /users/by-id/{id}}). */
@Path("/api/auth/v1/users")
@Produces(MediaType.APPLICATION_JSON)
interface AuthUsersApi {

    @GET
    @Path("/{username}")
    AuthUsers.User byUsername(@PathParam("username") String username);

    @GET
    @Path("/by-id/{id}")
    AuthUsers.User byId(@PathParam("id") UUID id);
}
