package io.openlearn.broker;

import io.smallrye.config.ConfigMapping;

/**
 * The RabbitMQ broker every publisher and consumer of the platform connects to. The module's
 * {@code META-INF/microprofile-config.properties} sets the defaults and hands the same values to the connector.
 */
@ConfigMapping(prefix = "openlearn.rabbitmq")
public interface RabbitConnectionConfig {

    String host();

    int port();

    String username();

    String password();

    String virtualHost();
}
