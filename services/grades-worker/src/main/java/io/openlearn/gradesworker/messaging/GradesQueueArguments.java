package io.openlearn.gradesworker.messaging;

import io.openlearn.gradesworker.config.RabbitConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;

/**
 * The arguments the connector declares {@code grades.stream} and {@code grades.batch} with (its
 * {@code queue.arguments}): quorum queues with the configured delivery limit and at-least-once dead-lettering. A
 * broker holding different arguments for a queue refuses the declaration, so a worker never runs on a queue
 * without a delivery limit.
 */
@ApplicationScoped
public class GradesQueueArguments {

    private final RabbitConfig config;

    public GradesQueueArguments(RabbitConfig config) {
        this.config = config;
    }

    @Produces
    @Identifier(GradesTopology.STREAM_QUEUE_ARGUMENTS)
    Map<String, Object> stream() {
        return GradesTopology.workQueueArguments(GradesTopology.STREAM_QUEUE, config.deliveryLimit());
    }

    @Produces
    @Identifier(GradesTopology.BATCH_QUEUE_ARGUMENTS)
    Map<String, Object> batch() {
        return GradesTopology.workQueueArguments(GradesTopology.BATCH_QUEUE, config.deliveryLimit());
    }
}
