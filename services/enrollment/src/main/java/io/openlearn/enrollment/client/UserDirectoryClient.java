package io.openlearn.enrollment.client;

import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Platform users at auth, the user authority, asked with this service's own token: usernames become ids (bulk
 * enrollment by username), and ids are checked before staff enroll someone by id. Only "this id is a user" is
 * remembered, briefly (auth never deletes users); an unknown id is asked again every time, so a user who signs in for
 * the first time can be enrolled at once. When auth cannot answer, every method throws a 503 problem.
 */
@ApplicationScoped
public class UserDirectoryClient {

    private static final Logger LOG = Logger.getLogger(UserDirectoryClient.class);

    private final AuthUsers users;
    private final TtlCache<UUID, Boolean> known;

    public UserDirectoryClient(AuthUsers users,
            @ConfigProperty(name = "enrollment.known-user-cache-ttl") Duration knownUserTtl) {
        this.users = users;
        this.known = new TtlCache<>(knownUserTtl, 100_000);
    }

    /** The user's id, or empty when auth knows no such username. */
    public Optional<UUID> idOf(String username) {
        Optional<AuthUsers.User> user = ask(() -> users.byUsername(username), "resolve usernames");
        if (user.isEmpty()) {
            return Optional.empty();
        }
        UUID id = idIn(user.get(), "resolve usernames");
        known.put(id, Boolean.TRUE);
        return Optional.of(id);
    }

    /** Whether auth knows a platform user with this id (GET /api/auth/v1/users/by-id/{id}). */
    public boolean exists(UUID id) {
        if (known.find(id).isPresent()) {
            return true;
        }
        Optional<AuthUsers.User> user = ask(() -> users.byId(id), "confirm user ids");
        if (user.isEmpty()) {
            return false;
        }
        if (!id.equals(idIn(user.get(), "confirm user ids"))) {
            LOG.warnf("auth answered for another user when asked for %s", id);
            throw unavailable("confirm user ids");
        }
        known.put(id, Boolean.TRUE);
        return true;
    }

    /** auth's answer, empty on 404; anything else that is not an answer is a 503 problem. */
    private Optional<AuthUsers.User> ask(Supplier<AuthUsers.User> call, String what) {
        try {
            return Upstream.find("auth", call);
        } catch (ProblemException e) {
            // auth unreachable, slow or failing, or no service token to ask it with
            LOG.warnf("auth could not %s: %s", what, e.getMessage());
            throw unavailable(what);
        }
    }

    private UUID idIn(AuthUsers.User user, String what) {
        try {
            return UUID.fromString(user.id());
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("auth answered without a user id when asked to %s", what);
            throw unavailable(what);
        }
    }

    private static ProblemException unavailable(String what) {
        return new ProblemException(503, "The auth service could not " + what + "; try again shortly.");
    }
}
