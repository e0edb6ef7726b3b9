package io.openlearn.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.netty.util.AsciiString;
import io.openlearn.gateway.client.TokenExchangeClient;
import io.openlearn.gateway.config.GatewayConfig;
import io.openlearn.kit.security.RevocationList;
import io.openlearn.kit.security.UnverifiedClaims;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides, at the edge, which platform token a request carries downstream. A platform token must verify here
 * (signature against auth's JWKS, issuer, audience, expiry). An identity-provider token is exchanged at auth once and
 * the platform token reused until the earlier of the two expiries, keyed by the SHA-256 of the presented token so the
 * cache never holds a usable credential as its key.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    private final JWTParser parser;
    private final RevocationList revocations;
    private final TokenExchangeClient exchange;
    private final ObjectMapper json;
    private final String platformIssuer;
    private final Set<String> idpIssuers;
    private final Cache<String, CachedToken> exchanged;
    /** Platform tokens already verified here, by the token itself, until they expire. */
    private final Cache<String, CachedToken> verified;

    /**
     * A token the edge accepted. The Authorization header it earns upstream is kept encoded: Netty copies an
     * AsciiString's bytes in one go, where a String of a JWT's length is encoded character by character on every
     * forwarded request.
     */
    record CachedToken(AsciiString authorization, Instant expiresAt, String jti, String subject, long issuedAt) {

        static CachedToken of(String platformToken, Instant expiresAt, String jti, String subject, long issuedAt) {
            return new CachedToken(new AsciiString("Bearer " + platformToken), expiresAt, jti, subject, issuedAt);
        }
    }

    public EdgeAuthenticator(JWTParser parser, TokenExchangeClient exchange, ObjectMapper json, GatewayConfig config,
            RevocationList revocations,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String platformIssuer) {
        this.parser = parser;
        this.revocations = revocations;
        this.exchange = exchange;
        this.json = json;
        this.platformIssuer = platformIssuer;
        this.idpIssuers = Set.copyOf(config.exchange().idpIssuers());
        // the caches' upkeep runs on the calling event loop, not handed to the common pool (see LocalRateLimiter)
        this.exchanged = Caffeine.newBuilder()
                .maximumSize(config.exchange().cacheSize())
                .expireAfter(new UntilTokenExpiry())
                .executor(Runnable::run)
                .build();
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.exchange().cacheSize())
                .expireAfter(new UntilTokenExpiry())
                .executor(Runnable::run)
                .build();
    }

    /**
     * The answer for a token seen before, without blocking: the signature of a token does not change, so a verified
     * token stays good until it expires, unless revoked (checked on every call, in memory). Empty for a token not
     * seen yet, which {@link #authenticate} then verifies (or exchanges).
     */
    public Optional<Authenticated> known(String bearer) {
        CachedToken cached = verified.getIfPresent(bearer);
        if (cached == null) {
            cached = exchanged.getIfPresent(sha256(bearer));
        }
        if (cached == null || !cached.expiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        refuseIfRevoked(cached.jti(), cached.subject(), cached.issuedAt());
        return Optional.of(new Authenticated(cached.authorization(), cached.subject()));
    }

    /** The caller as the edge vouches for them: the Authorization header to forward and its subject (the user). */
    public record Authenticated(CharSequence authorization, String subject) {
    }

    /**
     * The platform token to forward and the user it names (for per-user limits and the access log); throws
     * {@link EdgeRejection} when the caller's token is not acceptable.
     */
    public Authenticated authenticate(String bearer, String requestId) {
        UnverifiedClaims.Unverified claims = UnverifiedClaims.peek(bearer, json)
                .orElseThrow(() -> new EdgeRejection(401, "The bearer token is not a JWT."));
        if (platformIssuer.equals(claims.issuer())) {
            JsonWebToken jwt = verifyPlatformToken(bearer);
            refuseIfRevoked(jwt.getTokenID(), jwt.getSubject(), jwt.getIssuedAtTime());
            CachedToken accepted = CachedToken.of(bearer, Instant.ofEpochSecond(jwt.getExpirationTime()),
                    jwt.getTokenID(), jwt.getSubject(), jwt.getIssuedAtTime());
            verified.put(bearer, accepted);
            return new Authenticated(accepted.authorization(), jwt.getSubject());
        }
        if (idpIssuers.contains(claims.issuer())) {
            CachedToken cached = exchanged.get(sha256(bearer), key -> exchange(bearer, claims, requestId));
            // a revocation after the exchange must bite even while the cached platform token is still fresh
            refuseIfRevoked(cached.jti(), cached.subject(), cached.issuedAt());
            return new Authenticated(cached.authorization(), cached.subject());
        }
        throw new EdgeRejection(401, "The bearer token comes from an issuer this platform does not trust.");
    }

    private JsonWebToken verifyPlatformToken(String bearer) {
        try {
            return parser.parse(bearer);
        } catch (ParseException e) {
            throw new EdgeRejection(401, "The bearer token is not valid.");
        }
    }

    private void refuseIfRevoked(String jti, String subject, long issuedAt) {
        if (revocations.isRevoked(jti, subject, issuedAt)) {
            throw new EdgeRejection(401, "The bearer token has been revoked.");
        }
    }

    private CachedToken exchange(String bearer, UnverifiedClaims.Unverified claims, String requestId) {
        TokenExchangeClient.Exchanged result = exchange.exchange(bearer, requestId);
        JsonWebToken platform = verifyPlatformToken(result.token());
        Instant platformExpiry = Instant.ofEpochSecond(platform.getExpirationTime());
        Instant idpExpiry = Instant.ofEpochSecond(claims.expiresAt());
        // never serve a platform token after the identity-provider token that earned it has expired
        return CachedToken.of(result.token(), platformExpiry.isBefore(idpExpiry) ? platformExpiry : idpExpiry,
                platform.getTokenID(), platform.getSubject(), platform.getIssuedAtTime());
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class UntilTokenExpiry implements Expiry<String, CachedToken> {
        @Override
        public long expireAfterCreate(String key, CachedToken value, long currentTime) {
            long nanos = Duration.between(Instant.now(), value.expiresAt()).toNanos();
            return Math.max(0, nanos);
        }

        @Override
        public long expireAfterUpdate(String key, CachedToken value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, CachedToken value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
