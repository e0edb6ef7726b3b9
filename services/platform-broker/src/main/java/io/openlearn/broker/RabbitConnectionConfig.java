package io.openlearn.broker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

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

    /** TLS to the broker (AMQPS, usually port 5671). */
    Tls tls();

    interface Tls {

        @WithDefault("false")
        boolean enabled();

        /**
         * A trust store (PKCS12 or JKS) with the broker's CA; absent: the JVM's trusted CAs (a managed broker's
         * public certificate).
         */
        Optional<String> trustStorePath();

        Optional<String> trustStorePassword();
    }
}
