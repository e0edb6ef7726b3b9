package io.openlearn.grades.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Publishes CloudEvents to the platform exchange as the producing services' relays do (test only). */
public final class EventPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private final Channel channel;

    public EventPublisher() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        connection = factory.newConnection("grades-worker-test-publisher");
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    /** A stored event: the same id and bytes when published again, like a relay's resend. */
    public record Event(UUID id, String type, Map<String, Object> data, Instant time) {
    }

    public static Event event(String type, Map<String, Object> data) {
        return new Event(UUID.randomUUID(), type, data, Instant.now());
    }

    public void publish(Event event) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", event.id().toString());
        envelope.put("source", "/openlearn/test");
        envelope.put("type", event.type());
        envelope.put("subject", String.valueOf(event.data().get("courseKey")));
        envelope.put("time", event.time().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", event.data());
        channel.basicPublish("openlearn.events", event.type(), new AMQP.BasicProperties.Builder()
                .deliveryMode(2).messageId(event.id().toString()).type(event.type()).build(),
                JSON.writeValueAsBytes(envelope));
        channel.waitForConfirmsOrDie(5_000);
    }

    public void publishRaw(String routingKey, byte[] body) throws Exception {
        channel.basicPublish("openlearn.events", routingKey, null, body);
        channel.waitForConfirmsOrDie(5_000);
    }

    public static Map<String, Object> scored(String courseKey, UUID learner, String itemKey, double earned,
            double possible, long sequence) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", learner.toString());
        data.put("courseKey", courseKey);
        data.put("itemKey", itemKey);
        data.put("scoreId", UUID.randomUUID().toString());
        data.put("submissionId", UUID.randomUUID().toString());
        data.put("kind", "auto");
        data.put("rawEarned", earned);
        data.put("rawPossible", possible);
        data.put("sequence", sequence);
        data.put("scoredAt", Instant.now().toString());
        return data;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
