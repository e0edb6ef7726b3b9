package io.openlearn.broker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The RabbitMQ broker every publisher (outbox relays) and consumer of the platform connects to. */
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
