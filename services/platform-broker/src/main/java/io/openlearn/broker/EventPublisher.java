package io.openlearn.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Sends stored events to the {@code openlearn-events} channel (SmallRye Reactive Messaging's RabbitMQ connector,
 * publisher confirms on). Each send completes when the broker confirmed that message and fails when it refused it;
 * the outbox relays decide what a missing confirm means. The connector connects on the first send and reconnects
 * by itself; the emitter buffers without bound because every relay waits for its batch before the next one.
 */
@ApplicationScoped
public class EventPublisher {

    public static final String CHANNEL = "openlearn-events";

    private final Emitter<byte[]> emitter;
    private final RabbitMQConnector connector;
    private final ObjectMapper mapper;
    private final String channel;
    private final AtomicInteger unconfirmed = new AtomicInteger();

    @Inject
    public EventPublisher(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<byte[]> emitter,
            @Connector(RabbitMQConnector.CONNECTOR_NAME) RabbitMQConnector connector, ObjectMapper mapper) {
        this(emitter, connector, mapper, CHANNEL);
    }

    /** A publisher on another channel of the connector (tests use it for an unreachable broker or exchange). */
    public EventPublisher(Emitter<byte[]> emitter, RabbitMQConnector connector, ObjectMapper mapper, String channel) {
        this.emitter = emitter;
        this.connector = connector;
        this.mapper = mapper;
        this.channel = channel;
    }

    /**
     * Whether the channel's connection is up, as the connector's readiness says: true before the first send (the
     * connector connects lazily), false from a failed connect until the broker is back.
     */
    public boolean isConnected() {
        return connector.getReadiness().getChannels().stream()
                .filter(info -> channel.equals(info.getChannel()))
                .allMatch(HealthReport.ChannelInfo::isOk);
    }

    /** Sends still waiting for the broker's answer, over every caller. */
    public int unconfirmed() {
        return unconfirmed.get();
    }

    /** Completes once the broker confirmed the message; fails when it refused it or the connector gave it up. */
    public CompletableFuture<Void> publish(CloudEvents.StoredEvent event) throws JsonProcessingException {
        byte[] body = CloudEvents.encode(mapper, event);
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        unconfirmed.incrementAndGet();
        confirmed.whenComplete((ignored, failure) -> unconfirmed.decrementAndGet());
        emitter.send(Message.of(body, Metadata.of(CloudEvents.metadata(event)), () -> {
            confirmed.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            confirmed.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return confirmed;
    }
}
