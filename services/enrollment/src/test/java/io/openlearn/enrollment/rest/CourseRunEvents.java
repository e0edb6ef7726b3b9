package io.openlearn.enrollment.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.openlearn.events.CourseRunChanged;
import io.openlearn.events.Events;
import io.openlearn.testkit.EventSchemas;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes course.run.changed CloudEvents the way course-authoring's outbox relay does, so enrollment learns a
 * run's rules through its real consumer. Each message is checked against the event contract before it is sent.
 */
final class CourseRunEvents {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CourseRunEvents() {
    }

    static void publish(String courseKey, long version, Instant enrollmentStart, Instant enrollmentEnd,
            boolean invitationOnly, Integer maxEnrollments) throws Exception {
        CourseRunChanged data = new CourseRunChanged(courseKey, CourseRunChanged.Change.updated, version,
                "Enrollment rules", null, null, enrollmentStart, enrollmentEnd, "instructor", invitationOnly,
                maxEnrollments, null, null, "private");
        EventSchemas contract = EventSchemas.platform();
        ObjectNode event = contract.envelope(UUID.randomUUID(), Events.COURSE_RUN_CHANGED.name(), courseKey,
                Instant.now(), JSON.valueToTree(data));
        contract.assertValid(event);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("openlearn.events", "topic", true);
            channel.basicPublish("openlearn.events", Events.COURSE_RUN_CHANGED.name(),
                    new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2)
                            .build(),
                    JSON.writeValueAsBytes(event));
        }
    }
}
