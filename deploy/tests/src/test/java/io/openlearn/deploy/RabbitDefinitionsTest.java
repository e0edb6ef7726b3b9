package io.openlearn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.gradesworker.messaging.GradesTopology;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The broker definitions compose loads must declare what grades-worker declares, argument for argument:
 * RabbitMQ refuses a redeclaration with other arguments, and the worker would then fail to start.
 */
class RabbitDefinitionsTest {

    private static final JsonNode DEFINITIONS = Yaml.read(Repo.COMPOSE_DIR.resolve("rabbitmq/definitions.json"));
    private static final int DELIVERY_LIMIT =
            Integer.parseInt(Services.property("grades-worker", "grades-worker.rabbitmq.delivery-limit"));

    @Test
    void exchangesAreTheDurableEventsTopicAndTheDeadLetterExchange() {
        Map<String, String> types = new HashMap<>();
        for (JsonNode exchange : DEFINITIONS.path("exchanges")) {
            assertEquals(true, exchange.path("durable").asBoolean(), exchange.toString());
            types.put(exchange.path("name").asText(), exchange.path("type").asText());
        }
        assertEquals(Map.of(GradesTopology.EVENTS_EXCHANGE, "topic", GradesTopology.DEAD_LETTER_EXCHANGE, "direct"),
                types);
    }

    @Test
    void workQueuesAreQuorumQueuesWithTheWorkersDeliveryLimitAndDeadLettering() {
        for (String queue : List.of(GradesTopology.STREAM_QUEUE, GradesTopology.BATCH_QUEUE)) {
            assertEquals(Yaml.JSON.valueToTree(GradesTopology.workQueueArguments(queue, DELIVERY_LIMIT)),
                    queue(queue).path("arguments"), queue);
        }
    }

    @Test
    void deadLetterQueuesAreTheOnesTheWorkersChannelsDeclare() {
        for (String channel : List.of(GradesTopology.STREAM_CHANNEL, GradesTopology.BATCH_CHANNEL)) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            String queue = Services.property("grades-worker", prefix + "queue.name");
            String deadLetters = Services.property("grades-worker", prefix + "dead-letter-queue-name");
            assertEquals(GradesTopology.deadLetterQueueOf(queue), deadLetters, channel);
            // the connector declares a dead-letter queue with x-queue-type as its only argument
            assertEquals(Yaml.JSON.valueToTree(Map.of("x-queue-type",
                    Services.property("grades-worker", prefix + "dead-letter-queue-type"))),
                    queue(deadLetters).path("arguments"), deadLetters);
        }
    }

    @Test
    void chartAndWorkerAgreeOnTheDeliveryLimit() {
        JsonNode values = Yaml.read(Repo.CHART.resolve("values.yaml"));
        assertEquals(DELIVERY_LIMIT, values.at("/gradesWorker/deliveryLimit").asInt());
    }

    @Test
    void bindingsRouteEachEventToItsQueueAndDeadLettersToTheirQueue() {
        Set<String> expected = new HashSet<>();
        GradesTopology.STREAM_EVENTS.forEach(e -> expected.add(binding(GradesTopology.EVENTS_EXCHANGE,
                GradesTopology.STREAM_QUEUE, e)));
        GradesTopology.BATCH_EVENTS.forEach(e -> expected.add(binding(GradesTopology.EVENTS_EXCHANGE,
                GradesTopology.BATCH_QUEUE, e)));
        for (String queue : List.of(GradesTopology.STREAM_QUEUE, GradesTopology.BATCH_QUEUE)) {
            String deadLetters = GradesTopology.deadLetterQueueOf(queue);
            expected.add(binding(GradesTopology.DEAD_LETTER_EXCHANGE, deadLetters, deadLetters));
        }
        Set<String> declared = new HashSet<>();
        for (JsonNode binding : DEFINITIONS.path("bindings")) {
            declared.add(binding(binding.path("source").asText(), binding.path("destination").asText(),
                    binding.path("routing_key").asText()));
        }
        assertEquals(expected, declared);
    }

    private static JsonNode queue(String name) {
        for (JsonNode queue : DEFINITIONS.path("queues")) {
            if (name.equals(queue.path("name").asText())) {
                assertEquals(true, queue.path("durable").asBoolean(), name);
                return queue;
            }
        }
        throw new AssertionError("no queue " + name);
    }

    private static String binding(String source, String destination, String routingKey) {
        return source + " -[" + routingKey + "]-> " + destination;
    }
}
