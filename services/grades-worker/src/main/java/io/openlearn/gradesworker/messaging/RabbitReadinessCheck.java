package io.openlearn.gradesworker.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A worker without its broker can take no work: not ready until the connection is open. */
@Readiness
@ApplicationScoped
public class RabbitReadinessCheck implements HealthCheck {

    private final RabbitTopologyDeclarer rabbit;

    public RabbitReadinessCheck(RabbitTopologyDeclarer rabbit) {
        this.rabbit = rabbit;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq").status(rabbit.isConnected()).build();
    }
}
