package io.openlearn.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A private, auto-deleted queue on the platform's exchange, bound to some event types, for tests that check what a
 * service published. Bind it before acting; then {@link #await} the events that mention the test's own course. Every
 * event it hands over has been checked against {@code contracts/events.asyncapi.yaml} ({@link EventSchemas}).
 */
public final class EventTap implements AutoCloseable {

    static final String EXCHANGE = "openlearn.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final EventSchemas schemas = EventSchemas.platform();

    private EventTap(Connection connection, Channel channel, String queue) {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    /** Binds a fresh queue to the local broker (127.0.0.1, guest) for these routing keys (event types). */
    public static EventTap bind(String... routingKeys) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        Connection connection = factory.newConnection("event-tap");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true);
        String queue = channel.queueDeclare().getQueue();
        for (String key : routingKeys) {
            channel.queueBind(queue, EXCHANGE, key);
        }
        return new EventTap(connection, channel, queue);
    }

    /** Events whose body contains {@code mention}, waiting up to {@code timeout} for {@code count} of them. */
    public List<String> await(String mention, int count, Duration timeout) throws IOException, InterruptedException {
        List<String> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count && System.nanoTime() < deadline) {
            if (!take(mention, events)) {
                Thread.sleep(100);
            }
        }
        return events;
    }

    /** Whatever else mentioning {@code mention} arrives within {@code wait}: for "and nothing more" checks. */
    public List<String> more(String mention, Duration wait) throws IOException, InterruptedException {
        Thread.sleep(wait.toMillis());
        List<String> events = new ArrayList<>();
        while (take(mention, events)) {
            // drain
        }
        return events;
    }

    private boolean take(String mention, List<String> into) throws IOException {
        GetResponse delivery = channel.basicGet(queue, true);
        if (delivery == null) {
            return false;
        }
        String body = new String(delivery.getBody(), StandardCharsets.UTF_8);
        if (body.contains(mention)) {
            schemas.assertValid(JSON.readTree(body));
            into.add(body);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
