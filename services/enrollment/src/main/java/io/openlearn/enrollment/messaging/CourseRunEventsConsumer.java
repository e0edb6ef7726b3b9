package io.openlearn.enrollment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import io.openlearn.broker.RabbitConnectionConfig;
import io.openlearn.broker.RabbitConnections;
import io.openlearn.enrollment.domain.CourseRules;
import io.openlearn.enrollment.repository.CourseRulesRepository;
import io.openlearn.events.CourseRunChanged;
import io.openlearn.events.Events;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps enrollment's copy of each run's rules (window, invitation, capacity) from course-authoring's
 * course.run.changed events. Idempotent and order-tolerant: an event older than what is stored changes nothing. A
 * message that cannot be read is dead-lettered, not retried forever.
 */
@ApplicationScoped
public class CourseRunEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CourseRunEventsConsumer.class);
    static final String EXCHANGE = "openlearn.events";
    static final String DEAD_LETTERS = "enrollment.dead-letter";
    static final long RECOVERY_MILLIS = 5_000;

    private final RabbitConnectionConfig rabbit;
    private final CourseRulesRepository rules;
    private final ObjectMapper json;
    private final String queue;
    private volatile Connection connection;

    public CourseRunEventsConsumer(RabbitConnectionConfig rabbit, CourseRulesRepository rules, ObjectMapper json,
            @ConfigProperty(name = "enrollment.course-runs-queue") String queue) {
        this.rabbit = rabbit;
        this.rules = rules;
        this.json = json;
        this.queue = queue;
    }

    void start(@Observes StartupEvent event) throws IOException, TimeoutException {
        connection = RabbitConnections.factory(rabbit, RECOVERY_MILLIS).newConnection("enrollment-course-runs");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true);
        channel.exchangeDeclare(DEAD_LETTERS, "direct", true);
        channel.queueDeclare(queue + ".dlq", true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(queue + ".dlq", DEAD_LETTERS, queue + ".dlq");
        channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum", "x-delivery-limit", 5,
                "x-dead-letter-exchange", DEAD_LETTERS, "x-dead-letter-routing-key", queue + ".dlq"));
        channel.queueBind(queue, EXCHANGE, "course.run.changed");
        channel.basicQos(50);
        DeliverCallback onMessage = (tag, delivery) -> {
            long deliveryTag = delivery.getEnvelope().getDeliveryTag();
            try {
                apply(json.readTree(delivery.getBody()));
                channel.basicAck(deliveryTag, false);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("course.run.changed event unusable, dead-lettered: %s", e.getMessage());
                channel.basicNack(deliveryTag, false, false);
            }
        };
        channel.basicConsume(queue, false, onMessage, consumerTag -> {});
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (connection != null && connection.isOpen()) {
            connection.close();
        }
    }

    void apply(JsonNode event) {
        CourseRunChanged run = Events.COURSE_RUN_CHANGED.read(json, event.path("data"));
        if (run.courseKey() == null || run.courseKey().isEmpty()) {
            throw new IllegalArgumentException("event " + event.path("id").asText() + " has no courseKey");
        }
        CourseRules incoming = new CourseRules(run.courseKey(), run.enrollmentStart(), run.enrollmentEnd(),
                run.end(), run.invitationOnly(), run.maxEnrollments());
        QuarkusTransaction.requiringNew().run(() -> rules.upsert(incoming, run.version(), Instant.now()));
    }
}
