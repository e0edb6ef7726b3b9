package io.openlearn.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openlearn.broker.CloudEvents;
import io.openlearn.broker.EventBroker;
import io.openlearn.broker.EventTracing;
import io.openlearn.broker.RabbitConnectionConfig;
import io.openlearn.events.EventType;
import io.openlearn.kit.requestid.RequestIds;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    record CourseChanged(String courseKey, int version, List<String> blocks) {
    }

    record Row(OffsetDateTime publishedAt, int attempts, String lastError, String requestId) {
    }

    private static final CourseChanged DATA = new CourseChanged("course-v1:Org+Num+Run", 3, List.of("a", "b"));
    private static com.rabbitmq.client.Connection rabbit;
    private static Channel probe;

    @Inject
    BusinessTransactions business;
    @Inject
    OutboxWriter writer;
    @Inject
    OutboxRelay relay;
    @Inject
    Scheduler scheduler;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void connectProbe() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        rabbit = factory.newConnection("outbox-test-probe");
        probe = rabbit.createChannel();
    }

    @AfterAll
    static void closeProbe() throws Exception {
        rabbit.close();
    }

    @Test
    void committedEventReachesBoundQueueAsCloudEventRoutedByItsType() throws Exception {
        String type = uniqueType("committed");
        String queue = bindQueue(type);
        RequestIds.bind("rid-outbox-1");
        UUID id;
        try {
            id = business.commit(event(type), "course-v1:Org+Num+Run", DATA, 1).get(0);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }

        // published by the scheduled relay, nothing in the test drives it
        GetResponse message = awaitMessage(queue);
        assertEquals(CloudEvents.EXCHANGE, message.getEnvelope().getExchange());
        assertEquals(type, message.getEnvelope().getRoutingKey());
        assertEquals("application/cloudevents+json", message.getProps().getContentType());
        assertEquals(2, message.getProps().getDeliveryMode());
        assertEquals(id.toString(), message.getProps().getMessageId());

        JsonNode event = mapper.readTree(message.getBody());
        Set<String> attributes = new HashSet<>();
        event.fieldNames().forEachRemaining(attributes::add);
        assertEquals(Set.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data",
                "requestid"), attributes);
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(id.toString(), event.get("id").asText());
        assertEquals("/openlearn/outbox-test", event.get("source").asText());
        assertEquals(type, event.get("type").asText());
        assertEquals("course-v1:Org+Num+Run", event.get("subject").asText());
        assertEquals("application/json", event.get("datacontenttype").asText());
        assertEquals("rid-outbox-1", event.get("requestid").asText());
        OffsetDateTime time = OffsetDateTime.parse(event.get("time").asText());
        assertTrue(Duration.between(time, OffsetDateTime.now()).abs().toSeconds() < 30, "time " + time);
        assertEquals(DATA, mapper.treeToValue(event.get("data"), CourseChanged.class));

        Row row = awaitPublished(id);
        assertEquals(0, row.attempts());
        assertEquals("rid-outbox-1", row.requestId());
    }

    @Test
    void eventAppendedInRolledBackTransactionIsNeitherStoredNorPublished() throws Exception {
        String type = uniqueType("rolledback");
        String queue = bindQueue(type);
        AtomicReference<UUID> appended = new AtomicReference<>();

        assertThrows(IllegalStateException.class,
                () -> business.failAfterAppend(event(type), "course-v1:Org+Num+Run", DATA, appended::set));
        assertNotNull(appended.get());
        assertNull(row(appended.get()));

        relay.relayOnce();
        UUID committed = business.commit(event(type), "course-v1:Org+Num+Run", DATA, 1).get(0);
        assertEquals(committed.toString(), awaitMessage(queue).getProps().getMessageId(),
                "the committed event is the first and only one on the queue");
        relay.relayOnce();
        assertNull(probe.basicGet(queue, true));
    }

    @Test
    void appendOutsideTransactionIsRefused() throws Exception {
        String type = uniqueType("notransaction");
        assertThrows(TransactionalException.class, () -> writer.append(event(type), null, DATA));
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE type = ?")) {
            query.setString(1, type);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                assertEquals(0, count.getInt(1));
            }
        }
    }

    @Test
    void eachRowIsPublishedExactlyOnceWhileTwoRelaysCompete() throws Exception {
        String type = uniqueType("competing");
        String queue = bindQueue(type);
        EventBroker replicaBroker = new EventBroker(rabbitAt(5672), "outbox-test-replica", CloudEvents.EXCHANGE);
        OutboxRelay replica = relay(replicaBroker);
        pauseScheduledRelay();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertTrue(replicaBroker.connection().isPresent());
            Set<UUID> ids = new HashSet<>(business.commit(event(type), "course-v1:Org+Num+Run", DATA, 40));
            List<Future<Integer>> passes = new ArrayList<>();
            for (OutboxRelay each : List.of(relay, replica)) {
                passes.add(pool.submit(drainAll(each, type)));
            }
            int published = passes.get(0).get() + passes.get(1).get();
            assertEquals(40, published, "confirmed publishes over both relays");

            relay.relayOnce();
            replica.relayOnce();
            Set<String> received = new HashSet<>();
            int messages = 0;
            for (GetResponse message = probe.basicGet(queue, true); message != null; message =
                    probe.basicGet(queue, true)) {
                messages++;
                received.add(message.getProps().getMessageId());
            }
            assertEquals(40, messages);
            assertEquals(ids.stream().map(UUID::toString).collect(Collectors.toSet()), received);
            for (UUID id : ids) {
                Row row = row(id);
                assertNotNull(row.publishedAt());
                assertEquals(0, row.attempts());
            }
        } finally {
            pool.shutdownNow();
            resumeScheduledRelay();
            replicaBroker.close();
        }
    }

    @Test
    void rowStaysUnpublishedWhileBrokerIsUnreachableAndIsPublishedWhenRelayReachesIt() throws Exception {
        String type = uniqueType("unreachable");
        String queue = bindQueue(type);
        EventBroker unreachable = new EventBroker(rabbitAt(closedPort()), "outbox-test-unreachable",
                CloudEvents.EXCHANGE);
        OutboxRelay offline = relay(unreachable);
        pauseScheduledRelay();
        UUID id;
        try {
            id = business.commit(event(type), "course-v1:Org+Num+Run", DATA, 1).get(0);
            OutboxRelay.Pass pass = offline.relayOnce();
            assertFalse(pass.brokerAvailable());
            Row row = row(id);
            assertNull(row.publishedAt());
            assertEquals(0, row.attempts(), "nothing was attempted without a broker");
            assertNull(probe.basicGet(queue, true));
        } finally {
            resumeScheduledRelay();
        }
        assertEquals(id.toString(), awaitMessage(queue).getProps().getMessageId());
        awaitPublished(id);
    }

    @Test
    void failedPublishCountsAttemptKeepsErrorAndIsRetriedByNextPass() throws Exception {
        String type = uniqueType("failing");
        String queue = bindQueue(type);
        String vanishing = "outbox-test.vanishing." + UUID.randomUUID();
        EventBroker failingBroker = new EventBroker(rabbitAt(5672), "outbox-test-failing", vanishing);
        OutboxRelay failing = relay(failingBroker);
        pauseScheduledRelay();
        UUID id;
        try {
            assertTrue(failingBroker.connection().isPresent());
            probe.exchangeDelete(vanishing);
            id = business.commit(event(type), "course-v1:Org+Num+Run", DATA, 1).get(0);

            OutboxRelay.Pass pass = failing.relayOnce();
            assertTrue(pass.failed() >= 1);
            assertEquals(0, pass.published());
            Row row = row(id);
            assertNull(row.publishedAt());
            assertEquals(1, row.attempts());
            assertTrue(row.lastError().contains("NOT_FOUND"), row.lastError());
        } finally {
            resumeScheduledRelay();
            failingBroker.close();
        }
        assertEquals(id.toString(), awaitMessage(queue).getProps().getMessageId());
        Row row = awaitPublished(id);
        assertEquals(1, row.attempts());
    }

    @Test
    void readinessReportsOutboxBrokerAndMetricsCountPublishedEvents() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'rabbitmq-outbox' }.status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("openlearn_outbox_published_total"))
                .body(containsString("openlearn_outbox_publish_failures_total"))
                .body(containsString("openlearn_outbox_pending"))
                .body(containsString("openlearn_outbox_oldest_pending_age_seconds"));
    }

    // --- helpers

    private Callable<Integer> drainAll(OutboxRelay each, String type) {
        return () -> {
            int published = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pending(type) > 0 && System.nanoTime() < deadline) {
                published += each.relayOnce().published();
            }
            return published;
        };
    }

    private OutboxRelay relay(EventBroker broker) {
        return new OutboxRelay(config(), broker, dataSource, mapper, new OutboxMetrics(new SimpleMeterRegistry()),
                new EventTracing(OpenTelemetry.noop(), true));
    }

    private static OutboxConfig config() {
        return new OutboxConfig() {
            @Override
            public String source() {
                return "/openlearn/outbox-test";
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int batchSize() {
                return 5;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public boolean wakeOnCommit() {
                return false;
            }

            @Override
            public Duration wakeDelay() {
                return Duration.ofMillis(10);
            }

            @Override
            public Duration confirmTimeout() {
                return Duration.ofSeconds(2);
            }
        };
    }

    private static RabbitConnectionConfig rabbitAt(int port) {
        return new RabbitConnectionConfig() {
            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String username() {
                return "guest";
            }

            @Override
            public String password() {
                return "guest";
            }

            @Override
            public String virtualHost() {
                return "/";
            }

            @Override
            public Tls tls() {
                return new Tls() {
                    @Override
                    public boolean enabled() {
                        return false;
                    }

                    @Override
                    public Optional<String> trustStorePath() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> trustStorePassword() {
                        return Optional.empty();
                    }
                };
            }
        };
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the scheduled relay and waits for a pass already under way to end. */
    private void pauseScheduledRelay() throws InterruptedException {
        scheduler.pause(OutboxRelay.JOB_IDENTITY);
        Thread.sleep(50);
        relay.relayOnce();
    }

    private void resumeScheduledRelay() {
        scheduler.resume(OutboxRelay.JOB_IDENTITY);
    }

    /** A type of this test's own: the outbox relays any type it is given, the platform's are only the common case. */
    private static EventType<CourseChanged> event(String type) {
        return new EventType<>(type, CourseChanged.class);
    }

    private static String uniqueType(String name) {
        return "outboxtest." + name + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String bindQueue(String type) throws Exception {
        String queue = probe.queueDeclare().getQueue();
        probe.queueBind(queue, CloudEvents.EXCHANGE, type);
        return queue;
    }

    private static GetResponse awaitMessage(String queue) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            GetResponse message = probe.basicGet(queue, true);
            if (message != null) {
                return message;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message on " + queue + " within 5 s");
    }

    private Row awaitPublished(UUID id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Row row = row(id);
            if (row != null && row.publishedAt() != null) {
                return row;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("event " + id + " not marked published within 5 s");
    }

    private Row row(UUID id) throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement(
                        "SELECT published_at, attempts, last_error, request_id FROM outbox_event WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Row(row.getObject(1, OffsetDateTime.class), row.getInt(2), row.getString(3),
                        row.getString(4)) : null;
            }
        }
    }

    private long pending(String type) throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE type = ? AND published_at IS NULL")) {
            query.setString(1, type);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
