package io.openlearn.gradesworker.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GradesTopologyTest {

    static Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        return factory.newConnection("grades-worker-test");
    }

    @Test
    void readinessIncludesBrokerAndDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void streamAndBatchQueuesExistWithTheirDeadLetterQueues() throws Exception {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            for (String queue : new String[] {GradesTopology.STREAM_QUEUE, GradesTopology.BATCH_QUEUE}) {
                channel.queueDeclarePassive(queue);
                channel.queueDeclarePassive(GradesTopology.deadLetterQueueOf(queue));
            }
        }
    }

    @Test
    void streamQueueIsQuorumWithDeliveryLimitAndDeadLetterExchange() throws Exception {
        // redeclaring with the same arguments succeeds; with a different delivery limit the broker refuses (406):
        // together they prove which arguments the queue really holds
        try (Connection connection = connect()) {
            try (Channel same = connection.createChannel()) {
                same.queueDeclare(GradesTopology.STREAM_QUEUE, true, false, false,
                        GradesTopology.workQueueArguments(GradesTopology.STREAM_QUEUE, 5));
            }
            Channel other = connection.createChannel();
            IOException refused = assertThrows(IOException.class, () -> other.queueDeclare(
                    GradesTopology.STREAM_QUEUE, true, false, false,
                    GradesTopology.workQueueArguments(GradesTopology.STREAM_QUEUE, 99)));
            assertEquals(true, String.valueOf(refused.getCause()).contains("PRECONDITION_FAILED"),
                    String.valueOf(refused.getCause()));
        }
    }

    @Test
    void eachChannelIsBoundToExactlyTheEventTypesItsQueueGrades() {
        Config config = ConfigProvider.getConfig();
        assertEquals(GradesTopology.STREAM_EVENTS, routingKeys(config, GradesTopology.STREAM_CHANNEL));
        assertEquals(GradesTopology.BATCH_EVENTS, routingKeys(config, GradesTopology.BATCH_CHANNEL));
    }

    private static List<String> routingKeys(Config config, String channel) {
        String keys = config.getValue("mp.messaging.incoming." + channel + ".routing-keys", String.class);
        return Arrays.stream(keys.split(",")).map(String::trim).toList();
    }

    @Test
    void deliveryLimitIsBoundedAndDeadLettersAreKeptAtLeastOnce() {
        Map<String, Object> args = GradesTopology.workQueueArguments("q", 5);
        assertEquals("quorum", args.get("x-queue-type"));
        assertEquals(5, args.get("x-delivery-limit"));
        assertEquals("q.dlq", args.get("x-dead-letter-routing-key"));
        assertEquals("at-least-once", args.get("x-dead-letter-strategy"));
    }
}
