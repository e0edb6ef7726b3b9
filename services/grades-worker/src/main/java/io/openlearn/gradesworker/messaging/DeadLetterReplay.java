package io.openlearn.gradesworker.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Moves dead letters back to their work queue after a fix: each message is republished (with confirms) to the
 * work queue through the default exchange, then acknowledged on the dead-letter queue, so a crash in between
 * duplicates a message (consumers are idempotent) and never loses one.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private final RabbitTopologyDeclarer rabbit;

    public DeadLetterReplay(RabbitTopologyDeclarer rabbit) {
        this.rabbit = rabbit;
    }

    /** @return how many messages went back; at most {@code limit} */
    public int replay(String queue, int limit) throws IOException, InterruptedException, TimeoutException {
        if (!GradesTopology.STREAM_QUEUE.equals(queue) && !GradesTopology.BATCH_QUEUE.equals(queue)) {
            throw new IllegalArgumentException("Not a grades work queue: " + queue);
        }
        try (Channel channel = rabbit.connection().createChannel()) {
            channel.confirmSelect();
            // only the letters there now: one that fails again comes back behind them and waits for the next call
            long waiting = channel.messageCount(GradesTopology.deadLetterQueueOf(queue));
            int moved = 0;
            while (moved < Math.min(limit, waiting)) {
                GetResponse letter = channel.basicGet(GradesTopology.deadLetterQueueOf(queue), false);
                if (letter == null) {
                    break;
                }
                channel.basicPublish("", queue, letter.getProps(), letter.getBody());
                channel.waitForConfirmsOrDie(5_000);
                channel.basicAck(letter.getEnvelope().getDeliveryTag(), false);
                moved++;
            }
            return moved;
        }
    }
}
