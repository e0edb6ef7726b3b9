package io.openlearn.enrollment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.broker.EventTracing;
import io.openlearn.enrollment.domain.CourseRules;
import io.openlearn.enrollment.repository.CourseRulesRepository;
import io.openlearn.events.CourseRunChanged;
import io.openlearn.events.Events;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Keeps enrollment's copy of each run's rules (window, invitation, capacity) from course-authoring's
 * course.run.changed events, consumed through SmallRye Reactive Messaging's RabbitMQ connector (channel
 * {@value #CHANNEL}). Idempotent and order-tolerant: an event older than what is stored changes nothing. A message
 * that cannot be read is dead-lettered at once; a failure to store goes back to the queue, whose delivery limit
 * dead-letters it after {@value #DELIVERY_LIMIT} deliveries.
 */
@ApplicationScoped
public class CourseRunEventsConsumer {

    static final String CHANNEL = "course-runs";
    static final String QUEUE_ARGUMENTS = "enrollment-course-runs-queue-arguments";
    static final int DELIVERY_LIMIT = 5;
    private static final Logger LOG = Logger.getLogger(CourseRunEventsConsumer.class);
    private static final Metadata REQUEUE = Metadata.of(new RabbitMQRejectMetadata(true));
    private static final Metadata DEAD_LETTER = Metadata.of(new RabbitMQRejectMetadata(false));

    private final CourseRulesRepository rules;
    private final ObjectMapper json;
    private final String queue;
    private final EventTracing tracing;

    public CourseRunEventsConsumer(CourseRulesRepository rules, ObjectMapper json,
            @ConfigProperty(name = "enrollment.course-runs-queue") String queue, EventTracing tracing) {
        this.tracing = tracing;
        this.rules = rules;
        this.json = json;
        this.queue = queue;
    }

    /**
     * The queue's arguments beyond what the channel's configuration declares: quorum, bounded redelivery. The
     * connector adds the dead-letter exchange and routing key from the channel's {@code auto-bind-dlq} settings.
     */
    @Produces
    @Identifier(QUEUE_ARGUMENTS)
    Map<String, Object> queueArguments() {
        return Map.of("x-queue-type", "quorum", "x-delivery-limit", DELIVERY_LIMIT);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onCourseRunChanged(Message<byte[]> message) {
        JsonNode event;
        try {
            event = json.readTree(message.getPayload());
            try (EventTracing.Traced span = tracing.handling(event, queue)) {
                apply(event);
            }
        } catch (IOException | IllegalArgumentException | DateTimeException e) {
            LOG.warnf("course.run.changed event unusable, dead-lettered: %s", e.getMessage());
            return message.nack(e, DEAD_LETTER);
        } catch (RuntimeException e) {
            LOG.warnf(e, "course.run.changed could not be stored; back to %s", queue);
            return message.nack(e, REQUEUE);
        }
        return message.ack();
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
