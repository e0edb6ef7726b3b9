package io.openlearn.kit.security;

import io.openlearn.kit.client.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers "does the caller hold this role on this scope". The token's {@code roles} claim answers at once; when the
 * token says {@code roles_overflow} (too many roles to carry), auth is asked and the answer kept for 30 seconds.
 */
@ApplicationScoped
public class RoleChecker {

    static final Duration REMEMBER = Duration.ofSeconds(30);
    static final int MAX_REMEMBERED = 10_000;

    private final AuthCalls auth;
    private final Clock clock;
    private final Map<String, Answer> remembered = new ConcurrentHashMap<>();

    record Answer(boolean allowed, Instant until) {
    }

    public RoleChecker(AuthCalls auth) {
        this.auth = auth;
        this.clock = Clock.systemUTC();
    }

    public boolean holds(JsonWebToken jwt, String role, String scope) {
        if (ScopedRoles.of(jwt).has(role, scope)) {
            return true;
        }
        if (!"true".equals(String.valueOf(jwt.<Object>getClaim("roles_overflow")))) {
            return false;
        }
        String key = jwt.getSubject() + "|" + role + "|" + scope;
        Instant now = clock.instant();
        Answer known = remembered.get(key);
        if (known != null && known.until().isAfter(now)) {
            return known.allowed();
        }
        boolean allowed = askAuth(jwt.getSubject(), role, scope);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, new Answer(allowed, now.plus(REMEMBER)));
        return allowed;
    }

    /** auth's answer; a failing auth is a 502/503 problem (see {@link Upstream}), never "no". */
    private boolean askAuth(String userId, String role, String scope) {
        AuthCalls.Permission answer = Upstream.call("auth", () -> auth.permission(userId, role, scope));
        return answer != null && Boolean.TRUE.equals(answer.allowed());
    }
}
