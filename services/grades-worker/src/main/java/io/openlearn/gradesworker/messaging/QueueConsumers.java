package io.openlearn.gradesworker.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openlearn.events.EventType;
import io.openlearn.events.Events;
import io.openlearn.gradesworker.config.WorkerConfig;
import io.openlearn.gradesworker.service.BatchEvents;
import io.openlearn.gradesworker.service.StreamActivity;
import io.openlearn.gradesworker.service.StreamGrading;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Consumes {@code grades.stream} and {@code grades.batch} (whichever this process is configured for), each on its
 * own channels. A message is acknowledged after its transaction committed; a failure goes back to the queue after
 * a pause (the quorum queue counts deliveries and dead-letters it at the limit); a message that cannot be read is
 * dead-lettered at once.
 */
@ApplicationScoped
public class QueueConsumers {

    private static final Logger LOG = Logger.getLogger(QueueConsumers.class);

    private final RabbitTopologyDeclarer rabbit;
    private final WorkerConfig config;
    private final StreamGrading stream;
    private final StreamActivity activity;
    private final BatchEvents batch;
    private final ObjectMapper json;
    private final Timer streamLag;
    private final MeterRegistry registry;
    private final List<Channel> channels = new ArrayList<>();

    public QueueConsumers(RabbitTopologyDeclarer rabbit, WorkerConfig config, StreamGrading stream,
            StreamActivity activity, BatchEvents batch, ObjectMapper json, MeterRegistry registry) {
        this.activity = activity;
        this.rabbit = rabbit;
        this.config = config;
        this.stream = stream;
        this.batch = batch;
        this.json = json;
        this.registry = registry;
        this.streamLag = Timer.builder("grades.stream.lag")
                .description("From the event's time (the producer's commit) to the learner's grade committed here")
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram().register(registry);
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) throws IOException {
        if (config.consume().contains(WorkerConfig.Queue.stream)) {
            for (int i = 0; i < config.streamConcurrency(); i++) {
                consume(GradesTopology.STREAM_QUEUE, config.streamPrefetch());
            }
        }
        if (config.consume().contains(WorkerConfig.Queue.batch)) {
            for (int i = 0; i < config.batchConcurrency(); i++) {
                consume(GradesTopology.BATCH_QUEUE, 1);
            }
        }
        LOG.infof("Consuming %s (stream x%d, batch x%d)", config.consume(), config.streamConcurrency(),
                config.batchConcurrency());
    }

    void onStop(@Observes ShutdownEvent event) {
        for (Channel channel : channels) {
            try {
                channel.abort();
            } catch (IOException e) {
                LOG.debugf("Closing a consumer channel: %s", e);
            }
        }
    }

    private void consume(String queue, int prefetch) throws IOException {
        Channel channel = rabbit.connection().createChannel();
        channel.basicQos(prefetch);
        channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                deliver(channel, queue, envelope.getDeliveryTag(), body);
            }
        });
        channels.add(channel);
    }

    private void deliver(Channel channel, String queue, long tag, byte[] body) throws IOException {
        JsonNode event;
        try {
            event = json.readTree(body);
            UUID.fromString(event.path("id").asText());
        } catch (IOException | IllegalArgumentException e) {
            LOG.errorf("Dead-lettering an unreadable message from %s: %s", queue, e.getMessage());
            channel.basicReject(tag, false);
            return;
        }
        String type = event.path("type").asText();
        Timer.Sample sample = Timer.start(registry);
        try {
            handle(queue, type, event);
            channel.basicAck(tag, false);
            sample.stop(registry.timer("grades.worker.handled", "queue", queue, "type", type, "outcome", "ok"));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // a payload this worker cannot read will not read better on redelivery
            LOG.errorf(e, "Dead-lettering %s %s from %s", type, event.path("id").asText(), queue);
            channel.basicReject(tag, false);
        } catch (RuntimeException e) {
            sample.stop(registry.timer("grades.worker.handled", "queue", queue, "type", type, "outcome", "retry"));
            LOG.warnf(e, "%s %s failed; back to %s after %s", type, event.path("id").asText(), queue,
                    config.retryDelay());
            pause(config.retryDelay());
            channel.basicNack(tag, false, true);
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
