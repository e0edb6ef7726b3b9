package io.openlearn.auth.service;

import io.openlearn.auth.repository.RevocationRepository;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.RevocationFeedSource;
import io.openlearn.kit.security.RevocationList;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Records revocations and serves them: to other processes as a feed, and to this auth replica directly (it reads
 * its own database instead of calling itself). Every replica sees every revocation within one poll interval.
 */
@ApplicationScoped
public class RevocationService implements RevocationFeedSource {

    private final RevocationRepository revocations;
    private final RevocationList local;

    public RevocationService(RevocationRepository revocations, RevocationList local) {
        this.revocations = revocations;
        this.local = local;
    }

    public void revokeToken(String jti, UUID userId, Instant expiresAt, UUID by) {
        QuarkusTransaction.requiringNew().run(() -> revocations.revokeToken(jti, userId, expiresAt, by, Instant.now()));
        local.revokeToken(jti, expiresAt);
    }

    /**
     * Refuses every token of {@code userId} issued before {@code notBefore}: a user may do this to themselves, admins
     * to anyone (403).
     */
    public void revokeUserTokensIssuedBefore(Caller caller, UUID userId, Instant notBefore) {
        if (!userId.equals(caller.userId()) && !caller.isAdmin()) {
            throw new ProblemException(403, "Only admins may revoke another user's tokens.");
        }
        revokeUserTokensIssuedBefore(userId, notBefore, caller.userId());
    }

    public void revokeUserTokensIssuedBefore(UUID userId, Instant notBefore, UUID by) {
        QuarkusTransaction.requiringNew().run(() -> revocations.revokeUserTokensBefore(userId, notBefore, by));
        local.revokeUserTokensIssuedBefore(userId, notBefore);
    }

    @Override
    public RevocationList.Feed fetch(Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            return new RevocationList.Feed(now, revocations.tokensSince(since, now), revocations.usersSince(since));
        });
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> revocations.purgeExpired(Instant.now()));
    }
}
