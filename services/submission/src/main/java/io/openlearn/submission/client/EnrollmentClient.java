package io.openlearn.submission.client;

import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.Upstream;
import io.openlearn.submission.config.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Whether a learner is actively enrolled, from enrollment. Only "active" is remembered (briefly), so a learner who
 * just enrolled is never refused for long, and one who left is refused within seconds.
 */
@ApplicationScoped
public class EnrollmentClient {

    private final EnrollmentCalls enrollment;
    private final TtlCache<String, Boolean> active;

    EnrollmentClient(EnrollmentCalls enrollment, SubmissionConfig config) {
        this.enrollment = enrollment;
        this.active = new TtlCache<>(config.enrollmentCacheTtl(), 100_000);
    }

    public boolean isActive(UUID learner, String courseKey) {
        String key = learner + "|" + courseKey;
        if (active.find(key).isPresent()) {
            return true;
        }
        EnrollmentCalls.Active answer = Upstream.call("enrollment", () -> enrollment.active(courseKey, learner));
        boolean enrolled = answer != null && Boolean.TRUE.equals(answer.active());
        if (enrolled) {
            active.put(key, Boolean.TRUE);
        }
        return enrolled;
    }
}
