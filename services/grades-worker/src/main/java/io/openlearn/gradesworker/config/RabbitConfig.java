package io.openlearn.gradesworker.config;

import io.smallrye.config.ConfigMapping;

/** The grading queues on the platform's broker (connection settings: {@code openlearn.rabbitmq.*}). */
@ConfigMapping(prefix = "grades-worker.rabbitmq")
public interface RabbitConfig {

    /**
     * Deliveries of one message before it goes to the dead-letter queue. RabbitMQ 3.10 quorum queues have no
     * default limit, so a poison message would otherwise be redelivered forever.
     */
    int deliveryLimit();
}
