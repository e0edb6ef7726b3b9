package io.openlearn.enrollment.rest;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes course.run.changed CloudEvents the way course-authoring's outbox relay does, so enrollment learns a
 * run's rules through its real consumer.
 */
final class CourseRunEvents {

    private CourseRunEvents() {
    }

    static void publish(String courseKey, long version, Instant enrollmentStart, Instant enrollmentEnd,
                        boolean invitationOnly, Integer maxEnrollments) throws Exception {
        String data = "{\"courseKey\":\"" + courseKey + "\",\"change\":\"updated\",\"version\":" + version
                + ",\"enrollmentStart\":" + quoted(enrollmentStart) + ",\"enrollmentEnd\":" + quoted(enrollmentEnd)
                + ",\"end\":null,\"invitationOnly\":" + invitationOnly + ",\"maxEnrollments\":" + maxEnrollments + "}";
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/openlearn/course-authoring\","
                + "\"type\":\"course.run.changed\",\"subject\":\"" + courseKey + "\",\"time\":\"" + Instant.now()
                + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("openlearn.events", "topic", true);
            channel.basicPublish("openlearn.events", "course.run.changed",
                    new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2)
                            .build(), event.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String quoted(Instant value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
