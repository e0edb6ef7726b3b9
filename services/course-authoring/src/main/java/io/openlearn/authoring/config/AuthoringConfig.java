package io.openlearn.authoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "authoring")
public interface AuthoringConfig {

    /** Policy changes within this window of each other collapse into one regrade. */
    Duration regradeCollapseWindow();

    /** content-repository, asked to copy a run's content on rerun. */
    String contentUrl();

    @WithDefault("${openlearn.auth.url}")
    String authUrl();
}
