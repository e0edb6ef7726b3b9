package io.openlearn.authoring.client;

import io.openlearn.testkit.FaultyUpstream;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points course-authoring's auth and content URLs, and both token endpoints of its service token, at one
 * {@link FaultyUpstream}, with short deadlines set as an operator would (MicroProfile Fault Tolerance config).
 */
public class FaultyUpstreamResource implements QuarkusTestResourceLifecycleManager {

    static final long TIMEOUT_MS = 1000;
    static FaultyUpstream upstream;

    @Override
    public Map<String, String> start() {
        upstream = FaultyUpstream.start();
        String ms = String.valueOf(TIMEOUT_MS);
        return Map.of(
                "authoring.auth-url", upstream.url(),
                "authoring.content-url", upstream.url(),
                "openlearn.service-token.idp-token-url", upstream.url() + "/idp/token",
                "openlearn.service-token.auth-token-url", upstream.url() + "/api/auth/v1/token",
                "openlearn.service-token.client-id", "course-authoring",
                "openlearn.service-token.client-secret", "test-secret",
                "io.openlearn.authoring.client.AuthCalls/add/Timeout/value", ms,
                "io.openlearn.authoring.client.AuthCalls/remove/Timeout/value", ms);
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
