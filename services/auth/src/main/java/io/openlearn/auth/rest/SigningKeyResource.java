package io.openlearn.auth.rest;

import io.openlearn.auth.repository.SigningKeyEntity;
import io.openlearn.auth.service.SigningKeyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Operators' view of the keyring and a way to rotate now (e.g. after a suspected leak) instead of on schedule. */
@Path("/api/auth/v1/keys")
@RolesAllowed("admin")
public class SigningKeyResource {

    private final SigningKeyService keys;

    public SigningKeyResource(SigningKeyService keys) {
        this.keys = keys;
    }

    /** Key metadata only: private halves never leave the keyring. */
    public record KeyInfo(String kid, String status, Instant createdAt, Instant activatesAt, Instant activatedAt,
            Instant retiredAt, Instant publishedUntil) {
        static KeyInfo of(SigningKeyEntity k) {
            return new KeyInfo(k.kid, k.status, k.createdAt, k.activatesAt, k.activatedAt, k.retiredAt,
                    k.publishedUntil);
        }
    }

    public record KeyList(List<KeyInfo> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public KeyList list() {
        return new KeyList(keys.describeKeys().stream().map(KeyInfo::of).toList());
    }

    @POST
    @Path("/rotation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate() {
        SigningKeyEntity pending = keys.requestRotation(Instant.now());
        return Response.accepted(KeyInfo.of(pending)).build();
    }
}
