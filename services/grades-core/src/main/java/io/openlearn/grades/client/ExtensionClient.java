package io.openlearn.grades.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A learner's deadline extensions in a course, from submission (which owns them), kept briefly: the outline shows a
 * new extension within {@code extension-cache-ttl}.
 */
@ApplicationScoped
public class ExtensionClient {

    private final ServiceHttp http;
    private final GradingConfig config;
    private final TtlCache<String, Map<String, Instant>> extensions;

    public ExtensionClient(ServiceHttp http, GradingConfig config) {
        this.http = http;
        this.config = config;
        this.extensions = new TtlCache<>(config.courseware().extensionCacheTtl(), 100_000);
    }

    /** Subsection key to the learner's extended due date. */
    public Map<String, Instant> of(String courseKey, UUID learner) {
        return extensions.get(courseKey + "|" + learner, key -> load(courseKey, learner));
    }

    private Map<String, Instant> load(String courseKey, UUID learner) {
        ServiceHttp.Answer answer = http.get("submission", config.submissionUrl() + "/api/submission/v1/courses/"
                + courseKey + "/extensions/" + learner);
        if (answer.status() != 200) {
            throw new ProblemException(502, "submission answered " + answer.status()
                    + " for a learner's extensions.");
        }
        Map<String, Instant> extended = new HashMap<>();
        for (JsonNode item : answer.body().path("items")) {
            extended.put(item.path("subsectionKey").asText(), Instant.parse(item.path("until").asText()));
        }
        return Map.copyOf(extended);
    }
}
