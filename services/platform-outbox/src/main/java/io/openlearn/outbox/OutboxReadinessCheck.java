package io.openlearn.outbox;

import io.openlearn.broker.CloudEvents;
import io.openlearn.broker.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code rabbitmq-outbox}: UP while the relay's broker connection is up (always UP when the relay is off). */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    private final EventPublisher publisher;
    private final OutboxConfig config;

    public OutboxReadinessCheck(EventPublisher publisher, OutboxConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq-outbox")
                .status(!config.enabled() || publisher.isConnected())
                .withData("enabled", config.enabled())
                .withData("exchange", CloudEvents.EXCHANGE)
                .withData("unconfirmed", publisher.unconfirmed())
                .build();
    }
}
