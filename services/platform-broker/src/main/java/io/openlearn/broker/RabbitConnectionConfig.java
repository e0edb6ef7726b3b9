package io.openlearn.broker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The RabbitMQ broker the outbox relay publishes to. */
@ConfigMapping(prefix = "openlearn.rabbitmq")
public interface RabbitConnectionConfig {

    @WithDefault("127.0.0.1")
    String host();

    @WithDefault("5672")
    int port();

    String username();

    String password();

    @WithDefault("/")
    String virtualHost();
}
