package io.openlearn.grades.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.openlearn.events.EventType;
import io.openlearn.events.Events;
import io.openlearn.events.SubmissionScoreReset;
import io.openlearn.events.SubmissionScored;
import io.openlearn.testkit.EventSchemas;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes CloudEvents to the platform exchange as the producing services' relays do (test only). */
public final class EventPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final EventSchemas schemas = EventSchemas.platform();
    private final Connection connection;
    private final Channel channel;

    public EventPublisher() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        connection = factory.newConnection("grades-worker-test-publisher");
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    /**
     * A stored event: the same id and bytes when published again, like a relay's resend. {@code data} is the
     * event's record (platform-events) or, for payloads a test builds field by field, a map.
     */
    public record Event(UUID id, String type, Object data, Instant time) {
    }

    public static <T> Event event(EventType<T> type, T data) {
        return new Event(UUID.randomUUID(), type.name(), data, Instant.now());
    }

    public static Event event(String type, Map<String, Object> data) {
        return new Event(UUID.randomUUID(), type, data, Instant.now());
    }

    /**
     * Publishes as the type's producer would, after checking the message against the event contract: a test
     * cannot feed the worker a payload that no producer may publish (use {@link #publishRaw} for that).
     */
    public void publish(Event event) throws Exception {
        JsonNode data = JSON.valueToTree(event.data());
        ObjectNode envelope = schemas.envelope(event.id(), event.type(), schemas.subjectOf(event.type(), data),
                event.time(), data);
        schemas.assertValid(envelope);
        channel.basicPublish("openlearn.events", event.type(), new AMQP.BasicProperties.Builder()
                .deliveryMode(2).messageId(event.id().toString()).type(event.type()).build(),
                JSON.writeValueAsBytes(envelope));
        channel.waitForConfirmsOrDie(5_000);
    }

    public void publishRaw(String routingKey, byte[] body) throws Exception {
        channel.basicPublish("openlearn.events", routingKey, null, body);
        channel.waitForConfirmsOrDie(5_000);
    }

    /** An automatic score of a learner's submission, as submission publishes it. */
    public static Event scored(String courseKey, UUID learner, String itemKey, double earned, double possible,
            long sequence) {
        return event(Events.SUBMISSION_SCORED, new SubmissionScored(learner, courseKey, itemKey, UUID.randomUUID(),
                UUID.randomUUID(), SubmissionScored.Kind.auto, earned, possible, sequence, Instant.now()));
    }

    /** Staff's reset of a learner's problem, as submission publishes it. */
    public static Event reset(String courseKey, UUID learner, String itemKey, long sequence,
            boolean attemptsCleared) {
        return event(Events.SUBMISSION_SCORE_RESET, SubmissionScoreReset.of(learner, courseKey, itemKey,
                UUID.randomUUID(), sequence, Instant.now(), attemptsCleared));
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
