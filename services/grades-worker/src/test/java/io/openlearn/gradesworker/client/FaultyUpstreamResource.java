package io.openlearn.gradesworker.client;

import io.openlearn.testkit.FaultyUpstream;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the worker's content-repository and submission URLs at one {@link FaultyUpstream}, with short deadlines set
 * as an operator would (MicroProfile Fault Tolerance config).
 */
public class FaultyUpstreamResource implements QuarkusTestResourceLifecycleManager {

    static final long TIMEOUT_MS = 1000;
    static FaultyUpstream upstream;

    @Override
    public Map<String, String> start() {
        upstream = FaultyUpstream.start();
        String ms = String.valueOf(TIMEOUT_MS);
        return Map.of(
                "openlearn.grading.content-url", upstream.url(),
                "openlearn.grading.submission-url", upstream.url(),
                "io.openlearn.grades.client.ContentCalls/structure/Timeout/value", ms,
                "io.openlearn.gradesworker.client.SubmissionCalls/rescore/Timeout/value", ms);
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
