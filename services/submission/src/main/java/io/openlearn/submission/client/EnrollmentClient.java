package io.openlearn.submission.client;

import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.submission.config.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Whether a learner is actively enrolled, from enrollment. Only "active" is remembered (briefly), so a learner who
 * just enrolled is never refused for long, and one who left is refused within seconds.
 */
@ApplicationScoped
public class EnrollmentClient {

    private final ServiceHttp http;
    private final SubmissionConfig config;
    private final TtlCache<String, Boolean> active;

    public EnrollmentClient(ServiceHttp http, SubmissionConfig config) {
        this.http = http;
        this.config = config;
        this.active = new TtlCache<>(config.enrollmentCacheTtl(), 100_000);
    }

    public boolean isActive(UUID learner, String courseKey) {
        String key = learner + "|" + courseKey;
        if (active.find(key).isPresent()) {
            return true;
        }
        ServiceHttp.Answer answer = http.get("enrollment", config.enrollmentUrl() + "/api/enrollment/v1/courses/"
                + courseKey + "/enrollments/" + learner + "/active");
        if (answer.status() != 200) {
            throw new ProblemException(502, "enrollment answered " + answer.status() + " to an enrollment check.");
        }
        boolean enrolled = answer.body().path("active").asBoolean(false);
        if (enrolled) {
            active.put(key, Boolean.TRUE);
        }
        return enrolled;
    }
}
