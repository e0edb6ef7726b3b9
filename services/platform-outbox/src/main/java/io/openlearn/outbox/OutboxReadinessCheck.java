package io.openlearn.outbox;

import io.openlearn.broker.EventBroker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code rabbitmq-outbox}: UP while the relay's broker connection is open (always UP when the relay is off). */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    private final EventBroker broker;
    private final OutboxConfig config;

    public OutboxReadinessCheck(EventBroker broker, OutboxConfig config) {
        this.broker = broker;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq-outbox")
                .status(!config.enabled() || broker.isConnected())
                .withData("enabled", config.enabled())
                .withData("exchange", broker.exchange())
                .build();
    }
}
