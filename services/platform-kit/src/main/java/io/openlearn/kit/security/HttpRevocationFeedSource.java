package io.openlearn.kit.security;

import io.openlearn.kit.client.Upstream;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads auth's revocation feed with this service's own platform token ({@link AuthCalls#revocations}). */
@DefaultBean
@ApplicationScoped
public class HttpRevocationFeedSource implements RevocationFeedSource {

    private final AuthCalls auth;

    public HttpRevocationFeedSource(AuthCalls auth) {
        this.auth = auth;
    }

    @Override
    public RevocationList.Feed fetch(Instant since) {
        return toFeed(Upstream.call("auth", () -> auth.revocations(since)));
    }

    static RevocationList.Feed toFeed(AuthCalls.Feed feed) {
        Map<String, Instant> tokens = new HashMap<>();
        for (AuthCalls.RevokedToken t : orEmpty(feed.tokens())) {
            tokens.put(t.jti(), t.expiresAt());
        }
        Map<UUID, Instant> users = new HashMap<>();
        for (AuthCalls.RevokedUser u : orEmpty(feed.users())) {
            users.put(u.userId(), u.notBefore());
        }
        return new RevocationList.Feed(feed.asOf(), tokens, users);
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : items;
    }
}
