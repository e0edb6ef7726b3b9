package io.openlearn.gradesworker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "grades-worker.rabbitmq")
public interface RabbitConfig {

    String host();

    int port();

    @WithDefault("/")
    String virtualHost();

    String username();

    String password();

    /**
     * Deliveries of one message before it goes to the dead-letter queue. RabbitMQ 3.10 quorum queues have no
     * default limit, so a poison message would otherwise be redelivered forever.
     */
    int deliveryLimit();
}
