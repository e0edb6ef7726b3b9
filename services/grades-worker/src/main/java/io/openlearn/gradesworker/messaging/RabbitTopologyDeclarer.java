package io.openlearn.gradesworker.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.openlearn.gradesworker.config.RabbitConfig;
import io.openlearn.gradesworker.config.WorkerConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Connects to RabbitMQ and declares the grading topology at start. Declarations are idempotent, so every replica
 * declares; a broker holding different arguments for a queue fails the start loudly instead of running on a queue
 * without a delivery limit.
 */
@ApplicationScoped
public class RabbitTopologyDeclarer {

    private static final Logger LOG = Logger.getLogger(RabbitTopologyDeclarer.class);

    private final RabbitConfig config;
    private final WorkerConfig worker;
    private volatile Connection connection;

    public RabbitTopologyDeclarer(RabbitConfig config, WorkerConfig worker) {
        this.config = config;
        this.worker = worker;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event)
            throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setVirtualHost(config.virtualHost());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setConnectionTimeout(5_000);
        factory.setAutomaticRecoveryEnabled(true);
        // consumers run their handlers on the connection's pool: one thread per consuming channel, so a long
        // BATCH slice never holds a thread a STREAM consumer is waiting for
        int consumers = worker.streamConcurrency() + worker.batchConcurrency();
        connection = factory.newConnection(Executors.newFixedThreadPool(consumers + 1), "grades-worker");
        try (Channel channel = connection.createChannel()) {
            declare(channel);
        }
        LOG.infof("Declared queues %s and %s (delivery limit %d)", GradesTopology.STREAM_QUEUE,
                GradesTopology.BATCH_QUEUE, config.deliveryLimit());
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        if (connection != null && connection.isOpen()) {
            connection.close();
        }
    }

    public Connection connection() {
        return connection;
    }

    public boolean isConnected() {
        return connection != null && connection.isOpen();
    }

    private void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(GradesTopology.EVENTS_EXCHANGE, "topic", true);
        channel.exchangeDeclare(GradesTopology.DEAD_LETTER_EXCHANGE, "direct", true);
        declareWorkQueue(channel, GradesTopology.STREAM_QUEUE, GradesTopology.STREAM_EVENTS);
        declareWorkQueue(channel, GradesTopology.BATCH_QUEUE, GradesTopology.BATCH_EVENTS);
    }

    private void declareWorkQueue(Channel channel, String queue, java.util.List<String> events) throws IOException {
        String deadLetters = GradesTopology.deadLetterQueueOf(queue);
        channel.queueDeclare(deadLetters, true, false, false, GradesTopology.deadLetterQueueArguments());
        channel.queueBind(deadLetters, GradesTopology.DEAD_LETTER_EXCHANGE, deadLetters);
        channel.queueDeclare(queue, true, false, false,
                GradesTopology.workQueueArguments(queue, config.deliveryLimit()));
        for (String event : events) {
            channel.queueBind(queue, GradesTopology.EVENTS_EXCHANGE, event);
        }
    }
}
