package io.openlearn.enrollment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.testkit.TestTokens;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: auth's two user lookups that enrollment makes ({@code GET /api/auth/v1/users/{username}} and
 * {@code /users/by-id/{id}}), served inside the test application under {@code /stub/auth} and shaped as auth's
 * contract says. As auth does, it knows a person once they have signed in ({@link #signIn}: auth mirrors users on
 * their first token exchange), answers only service and admin tokens, and 404 for anyone else.
 */
@Path("/stub/auth/api/auth/v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class AuthStandIn {

    private static final Map<UUID, String> USERS = new ConcurrentHashMap<>();
    private static final Map<UUID, AtomicInteger> ID_LOOKUPS = new ConcurrentHashMap<>();
    private static volatile boolean failing;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A person who has signed in once, so auth knows them; their token as {@link TestTokens} mints it. */
    public static TestTokens signIn(String username) {
        TestTokens token = TestTokens.user(username);
        USERS.put(UUID.fromString(token.subject()), username);
        return token;
    }

    /** How often enrollment asked for this id. */
    public static int lookupsOf(String id) {
        AtomicInteger count = ID_LOOKUPS.get(UUID.fromString(id));
        return count == null ? 0 : count.get();
    }

    /** While true every lookup answers 500, as an auth in trouble would. */
    public static void failing(boolean value) {
        failing = value;
    }

    @GET
    @Path("/by-id/{id}")
    public Response byId(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id) {
        ID_LOOKUPS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        Response refused = refused(authorization);
        if (refused != null) {
            return refused;
        }
        String username = USERS.get(id);
        return username == null ? problem(404, "No platform user has id " + id + ".") : user(id, username);
    }

    @GET
    @Path("/{username}")
    public Response byUsername(@HeaderParam("Authorization") String authorization,
            @PathParam("username") String username) {
        Response refused = refused(authorization);
        if (refused != null) {
            return refused;
        }
        return USERS.entrySet().stream().filter(e -> e.getValue().equals(username)).findFirst()
                .map(e -> user(e.getKey(), username))
                .orElseGet(() -> problem(404, "No platform user named " + username + "."));
    }

    /** As auth's @RolesAllowed({"admin", "service"}): no token 401, a token of another group 403. */
    private static Response refused(String authorization) {
        if (failing) {
            return problem(500, "auth is having a bad day");
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return problem(401, "A platform token is required.");
        }
        try {
            String payload = authorization.substring(7).split("\\.")[1];
            JsonNode groups = JSON.readTree(Base64.getUrlDecoder().decode(payload)).path("groups");
            for (JsonNode group : groups) {
                if (group.asText().equals("service") || group.asText().equals("admin")) {
                    return null;
                }
            }
            return problem(403, "Only admins and services look users up.");
        } catch (Exception e) {
            return problem(401, "Not a token.");
        }
    }

    private static Response user(UUID id, String username) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id.toString());
        user.put("username", username);
        user.put("email", username + "@example.org");
        user.put("service", false);
        user.put("createdAt", Instant.now().toString());
        user.put("lastSeenAt", Instant.now().toString());
        user.put("roles", List.of());
        return Response.ok(user).build();
    }

    private static Response problem(int status, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Problem", "status", status, "detail", detail))
                .build();
    }
}
