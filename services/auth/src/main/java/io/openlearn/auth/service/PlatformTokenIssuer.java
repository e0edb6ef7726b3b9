package io.openlearn.auth.service;

import io.openlearn.auth.config.AuthConfig;
import io.openlearn.auth.domain.PlatformPrincipal;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Signs platform JWTs with the active key. */
@ApplicationScoped
public class PlatformTokenIssuer {

    private final AuthConfig config;
    private final SigningKeyService keys;

    public PlatformTokenIssuer(AuthConfig config, SigningKeyService keys) {
        this.config = config;
        this.keys = keys;
    }

    public IssuedToken issue(PlatformPrincipal principal) {
        ActiveKey key = keys.activeKey();
        Instant now = Instant.now();
        long lifetime = config.tokenLifetime().toSeconds();
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .subject(principal.id().toString())
                .audience(config.audience())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(lifetime))
                .claim("jti", UUID.randomUUID().toString())
                .claim("preferred_username", principal.username())
                .groups(principal.groups())
                .claim("roles", principal.roles());
        if (principal.rolesOverflow()) {
            claims.claim("roles_overflow", true);
        }
        if (principal.email() != null) {
            claims.claim("email", principal.email());
        }
        if (principal.scope() != null) {
            claims.claim("scope", principal.scope());
        }
        String token = claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).sign(key.privateKey());
        return new IssuedToken(token, lifetime, principal.scope());
    }
}
