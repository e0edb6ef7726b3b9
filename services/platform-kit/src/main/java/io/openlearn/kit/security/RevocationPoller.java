package io.openlearn.kit.security;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Pulls auth's revocation feed every few seconds (see ADR 0009: a short-interval pull, chosen over events so that a
 * process that was down or partitioned catches up by itself). Each pull asks only for what changed since the last.
 */
@ApplicationScoped
public class RevocationPoller {

    private static final Logger LOG = Logger.getLogger(RevocationPoller.class);

    private final RevocationConfig config;
    private final RevocationFeedSource source;
    private final RevocationList revocations;
    private final Vertx vertx;
    private volatile Instant since;
    private volatile long timer = -1;
    private volatile boolean failing;

    public RevocationPoller(RevocationConfig config, RevocationFeedSource source, RevocationList revocations,
            Vertx vertx) {
        this.config = config;
        this.source = source;
        this.revocations = revocations;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(),
                    id -> vertx.executeBlocking(() -> {
                        pollOnce();
                        return null;
                    }, false));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One pull; failures are logged once per outage and retried on the next tick. */
    public void pollOnce() {
        try {
            RevocationList.Feed feed = source.fetch(since);
            revocations.apply(feed);
            // the next pull overlaps the last a little: a revocation committed during this pull is not missed
            since = feed.asOf().minusSeconds(2);
            if (failing) {
                LOG.info("Revocation feed reachable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Revocation feed unavailable, keeping the last known list: %s", e.getMessage());
                failing = true;
            }
        }
    }
}
