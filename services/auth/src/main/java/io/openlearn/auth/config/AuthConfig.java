package io.openlearn.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Lifetime of a platform JWT; short so that a revoked role or user stops working soon. */
    Duration tokenLifetime();

    @WithDefault("${openlearn.jwt.issuer}")
    String issuer();

    @WithDefault("${openlearn.jwt.audience}")
    String audience();

    /**
     * Service clients trusted to grant and revoke course team roles (course_*) on behalf of the person they checked;
     * course-authoring's course team API.
     */
    @WithDefault("course-authoring")
    Set<String> teamDelegates();

    /** The most scoped roles a token carries; past it the token says roles_overflow and carries none. */
    @WithDefault("64")
    int rolesClaimMax();

    /**
     * Identity providers whose access tokens auth exchanges, by a name of the operator's choosing
     * ({@code auth.trusted-issuers.openedx.issuer=...}). A token from any other issuer is refused.
     */
    Map<String, IdentityProvider> trustedIssuers();

    /** Identity-provider clients whose service accounts are platform services (group {@code service}). */
    Set<String> serviceClients();

    Keys keys();

    interface IdentityProvider {
        String issuer();

        String jwksUrl();

        /** The audience an identity-provider token must carry to be exchanged here. */
        String audience();
    }

    interface Keys {
        /** Base64 of a 32-byte AES key that seals the private signing keys at rest. */
        String encryptionKey();

        /** How long a key signs before the next one takes over. */
        @WithDefault("P1D")
        Duration rotationInterval();

        /**
         * How long a new key is published before it signs. Must exceed the verifiers' JWKS refresh interval
         * (smallrye.jwt.jwks.refresh-interval, 10 minutes by default) so that no verifier meets an unknown kid.
         */
        @WithDefault("15M")
        Duration publishAhead();

        /** Allowed clock difference between auth and verifiers, added to how long a retired key stays published. */
        @WithDefault("60S")
        Duration clockSkew();

        /** How often each replica checks the keyring: rotation steps and the key other replicas activated. */
        @WithDefault("10S")
        Duration checkInterval();
    }
}
