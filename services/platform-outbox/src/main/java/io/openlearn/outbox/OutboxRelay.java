package io.openlearn.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownSignalException;
import io.agroal.api.AgroalDataSource;
import io.openlearn.broker.CloudEvents;
import io.openlearn.broker.EventBroker;
import io.openlearn.broker.EventTracing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to RabbitMQ (ADR 0003). Each pass, in one database transaction: claim the oldest
 * unpublished rows with {@code FOR UPDATE SKIP LOCKED} (so replicas never hold the same row at once), publish each
 * as a persistent CloudEvent on a channel in confirm mode, wait for the broker's confirms, then set
 * {@code published_at} on the confirmed rows and count an attempt with the error on the others, which the next
 * pass retries. A crash between confirm and commit resends the row: delivery is at least once and consumers
 * deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The scheduler job, for {@code Scheduler.pause/resume}. */
    public static final String JOB_IDENTITY = "openlearn-outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration PENDING_REFRESH = Duration.ofSeconds(5);
    private static final int MAX_ERROR_LENGTH = 2_000;

    private static final String CLAIM =
            "SELECT id, type, source, subject, data::text, request_id, traceparent, created_at"
                    + " FROM outbox_event WHERE published_at IS NULL ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String MARK_PUBLISHED = "UPDATE outbox_event SET published_at = clock_timestamp()"
            + " WHERE id = ANY (?) AND published_at IS NULL";
    private static final String MARK_FAILED = "UPDATE outbox_event SET attempts = attempts + 1, last_error = ?"
            + " WHERE id = ANY (?)";
    private static final String PENDING = "SELECT count(*), min(created_at) FROM outbox_event"
            + " WHERE published_at IS NULL";

    /** What one pass did. */
    public record Pass(boolean brokerAvailable, int published, int failed) {

        static final Pass BROKER_UNAVAILABLE = new Pass(false, 0, 0);
    }

    private final OutboxConfig config;
    private final EventBroker broker;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final OutboxMetrics metrics;
    private final EventTracing tracing;
    /** One pass at a time per relay: the channel and its confirm sequence belong to the pass. */
    private final ReentrantLock passLock = new ReentrantLock();
    private Channel channel;
    private volatile Confirms confirms;
    private long nextPendingRefreshNanos = System.nanoTime();
    /** Relays woken by commits run here, one at a time; wakes while one is queued fold into it. */
    private final ExecutorService waker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-wake");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    @Inject
    public OutboxRelay(OutboxConfig config, EventBroker broker, AgroalDataSource dataSource, ObjectMapper mapper,
            OutboxMetrics metrics, EventTracing tracing) {
        this.tracing = tracing;
        this.config = config;
        this.broker = broker;
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.metrics = metrics;
        if (config.batchSize() < 1) {
            throw new IllegalArgumentException("openlearn.outbox.batch-size must be at least 1");
        }
    }

    /** Connects and declares the exchange at start; an unreachable broker is retried by the passes. */
    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            broker.connection();
        }
    }

    /**
     * Passes until the backlog is drained (a pass that does not publish a full batch), so a backlog is not relayed
     * at one batch per interval. Quarkus' simple scheduler checks its triggers once a second: a shorter interval
     * runs once a second (and Quarkus warns at start).
     */
    @Scheduled(identity = JOB_IDENTITY, every = "${openlearn.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPasses() {
        if (!config.enabled()) {
            return;
        }
        try {
            Pass pass;
            do {
                pass = relayOnce();
            } while (pass.published() == config.batchSize() && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Outbox relay pass failed; the rows stay unpublished for the next pass");
        }
    }

    /**
     * Asks for passes soon, on the relay's own thread (called after a commit that appended events). A wake while
     * one is already queued adds nothing: the queued passes will see the new rows too.
     */
    public void wake() {
        if (!config.enabled() || !config.wakeOnCommit() || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            waker.execute(() -> {
                try {
                    Thread.sleep(config.wakeDelay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wakeQueued.set(false);
                scheduledPasses();
            });
        } catch (RejectedExecutionException e) {
            wakeQueued.set(false);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        waker.shutdownNow();
    }

    /** One pass over at most {@code batch-size} rows; waits for a pass of this relay already running. */
    public Pass relayOnce() {
        passLock.lock();
        try {
            Optional<Channel> confirmChannel = confirmChannel();
            if (confirmChannel.isEmpty()) {
                return Pass.BROKER_UNAVAILABLE;
            }
            int timeoutSeconds = (int) Math.min(Integer.MAX_VALUE, config.confirmTimeout().toSeconds() + 30);
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds)
                    .call(() -> relayBatch(confirmChannel.get()));
        } finally {
            try {
                refreshPendingIfDue();
            } finally {
                passLock.unlock();
            }
        }
    }

    private Pass relayBatch(Channel confirmChannel) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            List<CloudEvents.StoredEvent> batch = claim(db);
            if (batch.isEmpty()) {
                return new Pass(true, 0, 0);
            }
            Set<UUID> confirmed = new LinkedHashSet<>();
            String error = publish(confirmChannel, batch, confirmed);
            List<UUID> failed = batch.stream().map(CloudEvents.StoredEvent::id)
                    .filter(id -> !confirmed.contains(id)).toList();
            update(db, MARK_PUBLISHED, null, confirmed);
            update(db, MARK_FAILED, error, failed);
            metrics.published(confirmed.size());
            metrics.failed(failed.size());
            if (!failed.isEmpty()) {
                LOG.warnf("Outbox relay: %d of %d events not confirmed (%s); retried next pass", failed.size(),
                        batch.size(), error);
            }
            return new Pass(true, confirmed.size(), failed.size());
        }
    }

    private List<CloudEvents.StoredEvent> claim(Connection db) throws SQLException {
        List<CloudEvents.StoredEvent> batch = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(CLAIM)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(new CloudEvents.StoredEvent(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getObject(8, OffsetDateTime.class)));
                }
            }
        }
        return batch;
    }

    /**
     * Publishes the batch and waits for the broker's confirms; fills {@code confirmed} with the acknowledged ids.
     * Returns null when all were confirmed, else why the others were not.
     */
    private String publish(Channel confirmChannel, List<CloudEvents.StoredEvent> batch, Set<UUID> confirmed) {
        Confirms pending = new Confirms();
        confirms = pending;
        try {
            for (CloudEvents.StoredEvent event : batch) {
                byte[] body = CloudEvents.encode(mapper, event);
                pending.expect(confirmChannel.getNextPublishSeqNo(), event.id());
                try (EventTracing.Traced span = tracing.publishing(event, broker.exchange())) {
                    confirmChannel.basicPublish(broker.exchange(), event.type(), false,
                            CloudEvents.properties(event), body);
                }
            }
            // nack or timeout: throws and closes the channel; the confirms seen so far are in `pending`
            confirmChannel.waitForConfirmsOrDie(config.confirmTimeout().toMillis());
            batch.forEach(event -> confirmed.add(event.id()));
            return null;
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            discardChannel();
            confirmed.addAll(pending.acked);
            return describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardChannel();
            confirmed.addAll(pending.acked);
            return "interrupted while waiting for confirms";
        } finally {
            confirms = null;
        }
    }

    private static void update(Connection db, String sql, String error, Collection<UUID> ids)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("uuid", ids.toArray());
            int index = 1;
            if (error != null) {
                update.setString(index++, error);
            }
            update.setArray(index, array);
            update.executeUpdate();
        }
    }

    private Optional<Channel> confirmChannel() {
        if (channel != null && channel.isOpen()) {
            return Optional.of(channel);
        }
        discardChannel();
        Optional<com.rabbitmq.client.Connection> connection = broker.connection();
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        try {
            Channel created = connection.get().createChannel();
            if (created == null) {
                LOG.warn("Outbox relay: the broker connection has no free channel");
                return Optional.empty();
            }
            created.confirmSelect();
            created.addConfirmListener((tag, multiple) -> onConfirm(tag, multiple, true),
                    (tag, multiple) -> onConfirm(tag, multiple, false));
            channel = created;
            return Optional.of(created);
        } catch (IOException | ShutdownSignalException e) {
            LOG.warnf("Outbox relay cannot open a confirm channel: %s", describe(e));
            return Optional.empty();
        }
    }

    /** Runs on the connection's thread before {@code waitForConfirmsOrDie} returns for the same tags. */
    private void onConfirm(long tag, boolean multiple, boolean ack) {
        Confirms current = confirms;
        if (current != null) {
            current.confirm(tag, multiple, ack);
        }
    }

    private void discardChannel() {
        Channel current = channel;
        channel = null;
        if (current != null) {
            try {
                current.abort();
            } catch (IOException | RuntimeException e) {
                LOG.debugf("Closing a broken outbox channel: %s", e);
            }
        }
    }

    private void refreshPendingIfDue() {
        if (System.nanoTime() - nextPendingRefreshNanos < 0) {
            return;
        }
        nextPendingRefreshNanos = System.nanoTime() + PENDING_REFRESH.toNanos();
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement(PENDING);
                ResultSet row = query.executeQuery()) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            metrics.pending(row.getLong(1), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            LOG.debugf("Could not count unpublished outbox events: %s", e);
        }
    }

    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text += " (" + cause.getMessage() + ")";
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    /** The confirms of one pass, by publish sequence number. */
    private static final class Confirms {

        private final ConcurrentSkipListMap<Long, UUID> outstanding = new ConcurrentSkipListMap<>();
        private final Set<UUID> acked = ConcurrentHashMap.newKeySet();

        void expect(long sequence, UUID id) {
            outstanding.put(sequence, id);
        }

        void confirm(long tag, boolean multiple, boolean ack) {
            if (multiple) {
                ConcurrentNavigableMap<Long, UUID> upTo = outstanding.headMap(tag, true);
                if (ack) {
                    acked.addAll(upTo.values());
                }
                upTo.clear();
            } else {
                UUID id = outstanding.remove(tag);
                if (ack && id != null) {
                    acked.add(id);
                }
            }
        }
    }
}
