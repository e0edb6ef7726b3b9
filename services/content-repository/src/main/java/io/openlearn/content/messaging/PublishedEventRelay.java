package io.openlearn.content.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.openlearn.broker.CloudEvents;
import io.openlearn.broker.EventBroker;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private final EventBroker broker;
    private final ObjectMapper json;
    private final ContentConfig config;
    private final String source;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "content-event-relay");
        thread.setDaemon(true);
        return thread;
    });

    public PublishedEventRelay(PublishedVersionRepository versions, EventBroker broker, ObjectMapper json,
            ContentConfig config,
            @ConfigProperty(name = "content.events.source",
                    defaultValue = "/openlearn/content-repository") String source) {
        this.versions = versions;
        this.broker = broker;
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
            List<PendingEvent> pending = versions.pendingEvents(BATCH);
            if (pending.isEmpty()) {
                return 0;
            }
            Optional<Connection> connection = broker.connection();
            if (connection.isEmpty()) {
                return 0;
            }
            return send(connection.get(), pending);
        } catch (RuntimeException e) {
            LOG.warnf("Relaying content.course.published failed (%s); retried next pass", e.toString());
            return 0;
        } finally {
            running.set(false);
        }
    }

    private int send(Connection connection, List<PendingEvent> pending) {
        int confirmed = 0;
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (PendingEvent event : pending) {
                CloudEvents.StoredEvent stored = stored(event);
                channel.basicPublish(broker.exchange(), stored.type(), false, CloudEvents.properties(stored),
                        CloudEvents.encode(json, stored));
                channel.waitForConfirmsOrDie(config.events().confirmTimeout().toMillis());
                versions.markEventPublished(event.version().courseKey(), event.version().version());
                confirmed++;
            }
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
                v.courseKey(), json.writeValueAsString(data), null, null, v.publishedAt().atOffset(ZoneOffset.UTC));
    }
}
