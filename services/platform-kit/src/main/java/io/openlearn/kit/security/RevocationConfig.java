package io.openlearn.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "openlearn.revocation")
public interface RevocationConfig {

    /** Pull revocations from auth; off only where no auth runs (component tests). */
    @WithDefault("true")
    boolean enabled();

    /** How stale a process's view of revocations may get: a revoked token works at most this long. */
    @WithDefault("5S")
    Duration pollInterval();

    @WithDefault("${openlearn.auth.url}/api/auth/v1/revocations")
    String url();
}
