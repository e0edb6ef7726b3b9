package io.openlearn.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    /** Lifetime of a platform JWT; short so that a revoked role or user stops working soon. */
    Duration tokenLifetime();

    @WithDefault("${openlearn.jwt.issuer}")
    String issuer();

    @WithDefault("${openlearn.jwt.audience}")
    String audience();

    IdentityProvider idp();

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
    }
}
