package io.openlearn.kit.servicetoken;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How a service obtains its own platform token: its identity-provider client, exchanged at auth. */
@ConfigMapping(prefix = "openlearn.service-token")
public interface ServiceTokenConfig {

    /** The identity provider's token endpoint (Keycloak's openid-connect/token of the platform realm). */
    Optional<String> idpTokenUrl();

    Optional<String> clientId();

    Optional<String> clientSecret();

    /** The platform token endpoint of the auth service. */
    @WithDefault("${openlearn.auth.url}/api/auth/v1/token")
    String authTokenUrl();

    /** A cached token is renewed this long before it expires, so no call goes out with a token about to lapse. */
    @WithDefault("30S")
    Duration renewBefore();

    @WithDefault("5S")
    Duration timeout();
}
