package io.openlearn.authoring.client;

import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.authoring.config.AuthoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/** Asks content-repository to copy a run's content into its rerun. */
@ApplicationScoped
public class ContentCopyClient {

    private static final Logger LOG = Logger.getLogger(ContentCopyClient.class);

    private final ServiceHttp http;
    private final AuthoringConfig config;

    public ContentCopyClient(ServiceHttp http, AuthoringConfig config) {
        this.http = http;
        this.config = config;
    }

    public record Outcome(boolean copied, String detail) {
    }

    public Outcome copy(String sourceKey, String targetKey) {
        try {
            ServiceHttp.Answer answer = http.post("content", config.contentUrl() + "/api/content/v1/courses/"
                    + sourceKey + "/copies", Map.of("targetCourseKey", targetKey));
            boolean copied = answer.status() == 201;
            String detail = copied ? answer.body().path("copiedBlocks").asInt() + " block(s) and "
                    + answer.body().path("copiedAssets").asInt() + " asset(s) copied"
                    : "content-repository answered " + answer.status();
            return new Outcome(copied, detail);
        } catch (RuntimeException e) {
            // the run exists either way: the team can see the copy failed and copy again
            LOG.warnf("Copying the content of %s to %s failed: %s", sourceKey, targetKey, e.getMessage());
            return new Outcome(false, e.getMessage());
        }
    }
}
