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
                "io.openlearn.gradesworker.client.SubmissionCalls/rescore/Timeout/value", ms,
                // the worker's consumers keep grading what earlier tests left on the queues, against this same
                // upstream: while a test makes it slow, their timeouts would open the breakers these tests go
                // through, so here the breakers are off (timeouts and retries are what these tests prove)
                "io.openlearn.grades.client.ContentCalls/structure/CircuitBreaker/enabled", "false",
                "io.openlearn.gradesworker.client.SubmissionCalls/scores/CircuitBreaker/enabled", "false",
                "io.openlearn.gradesworker.client.SubmissionCalls/rescore/CircuitBreaker/enabled", "false");
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
