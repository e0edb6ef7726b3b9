package io.openlearn.enrollment.client;

import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
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

    private final ServiceHttp http;
    private final String usersUrl;
    private final TtlCache<UUID, Boolean> known;

    public UserDirectoryClient(ServiceHttp http,
                               @ConfigProperty(name = "enrollment.auth-url") String authUrl,
                               @ConfigProperty(name = "enrollment.known-user-cache-ttl") Duration knownUserTtl) {
        this.http = http;
        this.usersUrl = authUrl + "/api/auth/v1/users/";
        this.known = new TtlCache<>(knownUserTtl, 100_000);
    }

    /** The user's id, or empty when auth knows no such username. */
    public Optional<UUID> idOf(String username) {
        ServiceHttp.Answer answer = ask(usersUrl + URLEncoder.encode(username, StandardCharsets.UTF_8)
                .replace("+", "%20"), "resolve usernames");
        if (answer.status() == 404) {
            return Optional.empty();
        }
        UUID id = idIn(answer, "resolve usernames");
        known.put(id, Boolean.TRUE);
        return Optional.of(id);
    }

    /** Whether auth knows a platform user with this id (GET /api/auth/v1/users/by-id/{id}). */
    public boolean exists(UUID id) {
        if (known.find(id).isPresent()) {
            return true;
        }
        ServiceHttp.Answer answer = ask(usersUrl + "by-id/" + id, "confirm user ids");
        if (answer.status() == 404) {
            return false;
        }
        if (!id.equals(idIn(answer, "confirm user ids"))) {
            LOG.warnf("auth answered for another user when asked for %s", id);
            throw unavailable("confirm user ids");
        }
        known.put(id, Boolean.TRUE);
        return true;
    }

    private ServiceHttp.Answer ask(String url, String what) {
        try {
            return http.get("auth", url);
        } catch (ProblemException e) {
            // auth unreachable or failing, or no service token to ask it with
            LOG.warnf("auth could not %s: %s", what, e.getMessage());
            throw unavailable(what);
        }
    }

    private UUID idIn(ServiceHttp.Answer answer, String what) {
        if (answer.status() != 200) {
            LOG.warnf("auth answered %d when asked to %s", answer.status(), what);
            throw unavailable(what);
        }
        try {
            return UUID.fromString(answer.body().path("id").asText());
        } catch (IllegalArgumentException e) {
            LOG.warnf("auth answered without a user id when asked to %s", what);
            throw unavailable(what);
        }
    }

    private static ProblemException unavailable(String what) {
        return new ProblemException(503, "The auth service could not " + what + "; try again shortly.");
    }
}
