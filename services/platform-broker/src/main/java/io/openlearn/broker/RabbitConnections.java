package io.openlearn.broker;

import com.rabbitmq.client.ConnectionFactory;

/** Connection factories for the platform's broker, set up one way for publishers and consumers alike. */
public final class RabbitConnections {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private RabbitConnections() {
    }

    /** Automatic recovery on: a broker restart costs a reconnect, not a service restart. */
    public static ConnectionFactory factory(RabbitConnectionConfig config, long recoveryIntervalMillis) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setVirtualHost(config.virtualHost());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(recoveryIntervalMillis);
        return factory;
    }
}
