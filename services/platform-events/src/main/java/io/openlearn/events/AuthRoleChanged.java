package io.openlearn.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** {@code auth.role.changed}: a platform, org or course role was granted or revoked. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthRoleChanged(Action action, String role, String scope, UUID userId, String username, UUID actorId,
        String actorUsername, String reason, Instant at) {

    public enum Action {
        GRANT, REVOKE
    }
}
