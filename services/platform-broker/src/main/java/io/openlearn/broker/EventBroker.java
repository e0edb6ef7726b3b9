package io.openlearn.broker;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The relay's connection to RabbitMQ, named after the application. The first connect declares the exchange
 * (topic, durable; idempotent, so every replica declares it). After that the client's automatic recovery
 * reconnects and redeclares by itself; until a first connect succeeds, {@link #connection()} retries at most every
 * {@value #RETRY_SECONDS} seconds. An unreachable broker never fails the start: events wait in the outbox.
 */
@ApplicationScoped
public class EventBroker {

    static final int RETRY_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(EventBroker.class);

    private final RabbitConnectionConfig config;
    private final String connectionName;
    private final String exchange;
    private volatile Connection connection;
    private long nextAttemptNanos;
    private boolean failureLogged;

    @Inject
    public EventBroker(RabbitConnectionConfig config,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "openlearn") String applicationName) {
        this(config, applicationName, CloudEvents.EXCHANGE);
    }

    /** A broker for another exchange or connection name (tests use it to isolate replicas and failures). */
    public EventBroker(RabbitConnectionConfig config, String connectionName, String exchange) {
        this.config = config;
        this.connectionName = connectionName;
        this.exchange = exchange;
    }

    public String exchange() {
        return exchange;
    }

    /** True while the connection is open (false before the first connect and while a lost one recovers). */
    public boolean isConnected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    /** The open connection; empty while the broker cannot be reached (connects first if it never did). */
    public synchronized Optional<Connection> connection() {
        Connection current = connection;
        if (current != null) {
            // automatic recovery owns a connection once established: never open a second one beside it
            return current.isOpen() ? Optional.of(current) : Optional.empty();
        }
        if (System.nanoTime() - nextAttemptNanos < 0) {
            return Optional.empty();
        }
        try {
            connection = connect();
            failureLogged = false;
            LOG.infof("Connected to RabbitMQ at %s:%d as %s; exchange %s declared", config.host(),
                    config.port(), connectionName, exchange);
            return Optional.of(connection);
        } catch (IOException | TimeoutException | RuntimeException e) {
            nextAttemptNanos = System.nanoTime() + Duration.ofSeconds(RETRY_SECONDS).toNanos();
            if (!failureLogged) {
                failureLogged = true;
                LOG.warnf("Cannot reach RabbitMQ at %s:%d (%s); events wait in their outbox, retrying "
                        + "every %d s", config.host(), config.port(), e, RETRY_SECONDS);
            }
            return Optional.empty();
        }
    }

    private Connection connect() throws IOException, TimeoutException {
        Connection opened = RabbitConnections.factory(config, RETRY_SECONDS * 1_000L).newConnection(connectionName);
        try (Channel channel = opened.createChannel()) {
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
        } catch (IOException | TimeoutException | RuntimeException e) {
            opened.abort();
            throw e;
        }
        return opened;
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    public synchronized void close() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            current.abort(2_000);
        }
    }
}
