package io.openlearn.gradesworker.messaging;

import io.openlearn.broker.RabbitConnectionConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.rabbitmq.RabbitMQClient;
import io.vertx.mutiny.rabbitmq.RabbitMQMessage;
import io.vertx.rabbitmq.RabbitMQOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves dead letters back to their work queue after a fix: each message is republished (with confirms) to the
 * work queue through the default exchange, then acknowledged on the dead-letter queue, so a crash in between
 * duplicates a message (consumers are idempotent) and never loses one. An operator's call, rare and small: it
 * opens its own connection with the Vert.x RabbitMQ client the connector is built on, for the length of the call.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final long CONFIRM_TIMEOUT_MILLIS = 5_000;

    private final Vertx vertx;
    private final RabbitConnectionConfig rabbit;

    public DeadLetterReplay(Vertx vertx, RabbitConnectionConfig rabbit) {
        this.vertx = vertx;
        this.rabbit = rabbit;
    }

    /** @return how many messages went back; at most {@code limit} */
    public int replay(String queue, int limit) {
        if (!GradesTopology.STREAM_QUEUE.equals(queue) && !GradesTopology.BATCH_QUEUE.equals(queue)) {
            throw new IllegalArgumentException("Not a grades work queue: " + queue);
        }
        String deadLetters = GradesTopology.deadLetterQueueOf(queue);
        RabbitMQClient client = RabbitMQClient.create(vertx, options());
        client.startAndAwait();
        try {
            client.confirmSelectAndAwait();
            // only the letters there now: one that fails again comes back behind them and waits for the next call
            long waiting = client.messageCountAndAwait(deadLetters);
            int moved = 0;
            while (moved < Math.min(limit, waiting)) {
                RabbitMQMessage letter = client.basicGetAndAwait(deadLetters, false);
                if (letter == null) {
                    break;
                }
                client.basicPublishAndAwait("", queue, letter.properties(), letter.body());
                client.waitForConfirmsAndAwait(CONFIRM_TIMEOUT_MILLIS);
                client.basicAckAndAwait(letter.envelope().getDeliveryTag(), false);
                moved++;
            }
            return moved;
        } finally {
            client.stopAndAwait();
        }
    }

    private RabbitMQOptions options() {
        return new RabbitMQOptions()
                .setConnectionName("grades-worker-dead-letter-replay")
                .setHost(rabbit.host())
                .setPort(rabbit.port())
                .setVirtualHost(rabbit.virtualHost())
                .setUser(rabbit.username())
                .setPassword(rabbit.password())
                .setReconnectAttempts(0);
    }
}
