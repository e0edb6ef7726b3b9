package io.openlearn.content.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.broker.CloudEvents;
import io.openlearn.broker.EventPublisher;
import io.openlearn.content.config.ContentConfig;
import io.openlearn.content.domain.PublishedVersion;
import io.openlearn.content.repository.PublishedVersionRepository;
import io.openlearn.content.repository.PublishedVersionRepository.PendingEvent;
import io.openlearn.events.ContentCoursePublished;
import io.openlearn.events.Events;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends {@code content.course.published} for every version whose event the broker has not confirmed, then marks it
 * sent. The event lives in the version document itself (MongoDB's outbox: one atomic write with the change), so a
 * crash between publish and send loses nothing; a crash between confirm and mark sends it again with the same id,
 * which consumers dedupe. Runs on a schedule and right after each publish.
 */
@ApplicationScoped
public class PublishedEventRelay {

    private static final Logger LOG = Logger.getLogger(PublishedEventRelay.class);
    private static final int BATCH = 100;

    private final PublishedVersionRepository versions;
    private final EventPublisher publisher;
    private final ObjectMapper json;
    private final ContentConfig config;
    private final String source;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "content-event-relay");
        thread.setDaemon(true);
        return thread;
    });

    public PublishedEventRelay(PublishedVersionRepository versions, EventPublisher publisher, ObjectMapper json,
            ContentConfig config,
            @ConfigProperty(name = "content.events.source",
                    defaultValue = "/openlearn/content-repository") String source) {
        this.versions = versions;
        this.publisher = publisher;
        this.json = json;
        this.config = config;
        this.source = source;
    }

    /** Relays soon, off the caller's thread. */
    public void wake() {
        wakeups.execute(this::relay);
    }

    @Scheduled(every = "${content.events.relay-interval:1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        relay();
    }

    /** One pass; returns how many events were confirmed. */
    public int relay() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            if (!publisher.isConnected() || publisher.unconfirmed() > 0) {
                return 0;
            }
            List<PendingEvent> pending = versions.pendingEvents(BATCH);
            return pending.isEmpty() ? 0 : send(pending);
        } catch (RuntimeException e) {
            LOG.warnf("Relaying content.course.published failed (%s); retried next pass", e.toString());
            return 0;
        } finally {
            running.set(false);
        }
    }

    /** Sends all, then marks each version whose event the broker confirmed, in order, until one was not. */
    private int send(List<PendingEvent> pending) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        int confirmed = 0;
        try {
            for (PendingEvent event : pending) {
                sends.add(publisher.publish(stored(event)));
            }
            long deadline = System.nanoTime() + config.events().confirmTimeout().toNanos();
            for (int i = 0; i < pending.size(); i++) {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                PublishedVersion version = pending.get(i).version();
                versions.markEventPublished(version.courseKey(), version.version());
                confirmed++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Broker did not confirm content.course.published (%s); %d of %d sent, rest retried",
                    e.toString(), confirmed, pending.size());
        }
        return confirmed;
    }

    private CloudEvents.StoredEvent stored(PendingEvent event) throws IOException {
        PublishedVersion v = event.version();
        ContentCoursePublished data = new ContentCoursePublished(v.courseKey(), v.version(), v.publishedAt(),
                v.gradingChanged(), v.gradingDigest(), v.blockCount());
        return new CloudEvents.StoredEvent(event.eventId(), Events.CONTENT_COURSE_PUBLISHED.name(), source,
                v.courseKey(), json.writeValueAsString(data), null, v.publishedAt().atOffset(ZoneOffset.UTC));
    }
}
