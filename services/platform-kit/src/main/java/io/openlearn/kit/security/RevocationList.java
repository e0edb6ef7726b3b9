package io.openlearn.kit.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocations this process knows of: single tokens by {@code jti} (remembered until they would have expired)
 * and, per user, a time before which every token they hold is refused. Filled from auth's feed by
 * {@link RevocationPoller}; consulted on every request by {@link RevocationAugmentor} and the gateway.
 */
@ApplicationScoped
public class RevocationList {

    private final Map<String, Instant> revokedTokens = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> revokedBefore = new ConcurrentHashMap<>();

    public record Feed(Instant asOf, Map<String, Instant> tokens, Map<UUID, Instant> users) {
    }

    public void revokeToken(String jti, Instant expiresAt) {
        revokedTokens.merge(jti, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    public void revokeUserTokensIssuedBefore(UUID userId, Instant notBefore) {
        revokedBefore.merge(userId, notBefore, (a, b) -> a.isAfter(b) ? a : b);
    }

    public void apply(Feed feed) {
        feed.tokens().forEach(this::revokeToken);
        feed.users().forEach(this::revokeUserTokensIssuedBefore);
        Instant now = Instant.now();
        revokedTokens.values().removeIf(expiry -> expiry.isBefore(now));
    }

    /** Whether a token with these claims was revoked; a token without jti or iat can only match by user. */
    public boolean isRevoked(String jti, String subject, long issuedAtEpochSeconds) {
        if (jti != null && revokedTokens.containsKey(jti)) {
            return true;
        }
        if (subject == null) {
            return false;
        }
        Instant notBefore;
        try {
            notBefore = revokedBefore.get(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return notBefore != null && Instant.ofEpochSecond(issuedAtEpochSeconds).isBefore(notBefore);
    }
}
