package io.openlearn.authoring.client;

import io.openlearn.kit.client.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Asks content-repository to copy a run's content into its rerun. */
@ApplicationScoped
public class ContentCopyClient {

    private static final Logger LOG = Logger.getLogger(ContentCopyClient.class);

    private final ContentCalls content;

    ContentCopyClient(ContentCalls content) {
        this.content = content;
    }

    public record Outcome(boolean copied, String detail) {
    }

    public Outcome copy(String sourceKey, String targetKey) {
        try {
            ContentCalls.Copied copied = Upstream.call("content", () -> content.copy(sourceKey, targetKey),
                    status -> new IllegalStateException("content-repository answered " + status));
            return new Outcome(true, orZero(copied.copiedBlocks()) + " block(s) and " + orZero(copied.copiedAssets())
                    + " asset(s) copied");
        } catch (RuntimeException e) {
            // the run exists either way: the team can see the copy failed and copy again
            LOG.warnf("Copying the content of %s to %s failed: %s", sourceKey, targetKey, e.getMessage());
            return new Outcome(false, e.getMessage());
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
