package io.openlearn.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service, by the name in its API prefix ({@code /api/<name>/v1}). */
    Map<String, String> upstream();

    /** Paths (exact) that need no token: token issuance and key publication. */
    List<String> publicPaths();

    Duration upstreamTimeout();

    Duration connectTimeout();

    int maxConnectionsPerUpstream();

    Exchange exchange();

    interface Exchange {
        String tokenUrl();

        Duration timeout();

        /** Bound of the exchanged-token cache, so a flood of distinct tokens cannot exhaust memory. */
        int cacheSize();

        /** Issuers whose tokens are exchanged at auth (the identity provider's realm URLs). */
        List<String> idpIssuers();
    }
}
