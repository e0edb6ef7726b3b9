package io.openlearn.submission.client;

import io.openlearn.testkit.FaultyUpstream;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points submission's three upstream URLs and the revocation feed at one {@link FaultyUpstream}, with short
 * deadlines set the way an operator would (MicroProfile Fault Tolerance config).
 */
public class FaultyUpstreamResource implements QuarkusTestResourceLifecycleManager {

    static final long TIMEOUT_MS = 1000;
    static FaultyUpstream upstream;

    @Override
    public Map<String, String> start() {
        upstream = FaultyUpstream.start();
        String ms = String.valueOf(TIMEOUT_MS);
        return Map.of(
                "submission.content-url", upstream.url(),
                "submission.authoring-url", upstream.url(),
                "submission.enrollment-url", upstream.url(),
                "openlearn.revocation.url", upstream.url() + "/api/auth/v1/revocations",
                "io.openlearn.submission.client.ContentCalls/structure/Timeout/value", ms,
                "io.openlearn.submission.client.AuthoringCalls/run/Timeout/value", ms,
                "io.openlearn.submission.client.EnrollmentCalls/active/Timeout/value", ms,
                "io.openlearn.kit.courseware.CoursewareCalls/run/Timeout/value", ms);
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
