package io.openlearn.gradesworker.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openlearn.broker.EventTracing;
import io.openlearn.events.EventType;
import io.openlearn.events.Events;
import io.openlearn.gradesworker.config.WorkerConfig;
import io.openlearn.gradesworker.service.BatchEvents;
import io.openlearn.gradesworker.service.StreamActivity;
import io.openlearn.gradesworker.service.StreamGrading;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes {@code grades.stream} and {@code grades.batch} through SmallRye Reactive Messaging's RabbitMQ connector
 * (channels {@value GradesTopology#STREAM_CHANNEL} and {@value GradesTopology#BATCH_CHANNEL}; which of them this
 * process takes is {@code grades-worker.consume}). Each copy of a channel ({@code concurrency}) handles one message
 * at a time on a worker thread. A message is acknowledged after its transaction committed; a failure goes back to
 * the queue after a pause (the quorum queue counts deliveries and dead-letters it at the limit); a message that
 * cannot be read is dead-lettered at once.
 */
@ApplicationScoped
public class QueueConsumers {

    private static final Logger LOG = Logger.getLogger(QueueConsumers.class);
    private static final Metadata REQUEUE = Metadata.of(new RabbitMQRejectMetadata(true));
    private static final Metadata DEAD_LETTER = Metadata.of(new RabbitMQRejectMetadata(false));

    private final WorkerConfig config;
    private final StreamGrading stream;
    private final StreamActivity activity;
    private final BatchEvents batch;
    private final ObjectMapper json;
    private final Timer streamLag;
    private final MeterRegistry registry;
    private final EventTracing tracing;
    private final DeliveryDrain drain;

    public QueueConsumers(WorkerConfig config, StreamGrading stream, StreamActivity activity, BatchEvents batch,
            ObjectMapper json, MeterRegistry registry, EventTracing tracing, DeliveryDrain drain) {
        this.tracing = tracing;
        this.drain = drain;
        this.activity = activity;
        this.config = config;
        this.stream = stream;
        this.batch = batch;
        this.json = json;
        this.registry = registry;
        this.streamLag = Timer.builder("grades.stream.lag")
                .description("From the event's time (the producer's commit) to the learner's grade committed here")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(registry);
    }

    @Incoming(GradesTopology.STREAM_CHANNEL)
    @Blocking
    public CompletionStage<Void> stream(Message<byte[]> message) {
        return deliver(GradesTopology.STREAM_QUEUE, message);
    }

    @Incoming(GradesTopology.BATCH_CHANNEL)
    @Blocking
    public CompletionStage<Void> batch(Message<byte[]> message) {
        return deliver(GradesTopology.BATCH_QUEUE, message);
    }

    private CompletionStage<Void> deliver(String queue, Message<byte[]> message) {
        if (!drain.enter()) {
            // stopping: unacknowledged, it goes back to the queue when the connection closes
            return new CompletableFuture<>();
        }
        CompletionStage<Void> settled;
        try {
            settled = handleDelivery(queue, message);
        } catch (RuntimeException e) {
            drain.exit();
            throw e;
        }
        // in hand until the ack or nack has gone out, so a stop waits for it as well as for the commit
        return settled.whenComplete((done, failure) -> drain.exit());
    }

    private CompletionStage<Void> handleDelivery(String queue, Message<byte[]> message) {
        JsonNode event;
        try {
            event = json.readTree(message.getPayload());
            UUID.fromString(event.path("id").asText());
        } catch (IOException | IllegalArgumentException e) {
            LOG.errorf("Dead-lettering an unreadable message from %s: %s", queue, e.getMessage());
            return message.nack(e, DEAD_LETTER);
        }
        String type = event.path("type").asText();
        Timer.Sample sample = Timer.start(registry);
        try (EventTracing.Traced span = tracing.handling(event, queue)) {
            try {
                handle(queue, type, event);
            } catch (RuntimeException e) {
                span.failed(e);
                throw e;
            }
            sample.stop(registry.timer("grades.worker.handled", "queue", queue, "type", type, "outcome", "ok"));
            return message.ack();
        } catch (IllegalArgumentException | DateTimeException e) {
            // a payload this worker cannot read will not read better on redelivery
            LOG.errorf(e, "Dead-lettering %s %s from %s", type, event.path("id").asText(), queue);
            return message.nack(e, DEAD_LETTER);
        } catch (RuntimeException e) {
            sample.stop(registry.timer("grades.worker.handled", "queue", queue, "type", type, "outcome", "retry"));
            LOG.warnf(e, "%s %s failed; back to %s after %s", type, event.path("id").asText(), queue,
                    config.retryDelay());
            pause(config.retryDelay());
            return message.nack(e, REQUEUE);
        }
    }

    private void handle(String queue, String type, JsonNode event) {
        EventType<?> eventType = Events.byName(type)
                .orElseThrow(() -> new IllegalArgumentException("no event type " + type + " on this platform"));
        Object data = eventType.read(json, event.path("data"));
        if (GradesTopology.STREAM_QUEUE.equals(queue)) {
            activity.track(() -> stream.handle(data));
            JsonNode time = event.path("time");
            if (time.isTextual()) {
                streamLag.record(Duration.between(Instant.parse(time.asText()), Instant.now()));
            }
        } else {
            batch.handle(UUID.fromString(event.path("id").asText()), data);
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
