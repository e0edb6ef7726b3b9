package io.openlearn.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.openlearn.events.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A commit that appended events wakes the relay: the event is out long before the next poll would run. */
@QuarkusTest
@TestProfile(OutboxWakeTest.WakeOnCommit.class)
class OutboxWakeTest {

    public static class WakeOnCommit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a poll an hour apart: only the wake-up can publish within the test
            return Map.of("openlearn.outbox.wake-on-commit", "true", "openlearn.outbox.poll-interval", "1h");
        }
    }

    @Inject
    BusinessTransactions business;

    @Test
    void committedEventsArePublishedWithinMillisecondsWithoutWaitingForThePoll() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection rabbit = factory.newConnection("outbox-wake-test"); Channel probe = rabbit.createChannel()) {
            String type = "outboxtest.wake." + UUID.randomUUID().toString().substring(0, 8);
            String queue = probe.queueDeclare().getQueue();
            probe.queueBind(queue, "openlearn.events", type);
            // the hour-long poll's first run happens at start; let it pass before measuring
            Thread.sleep(500);
            long started = System.nanoTime();
            business.commit(new EventType<>(type, OutboxRelayTest.CourseChanged.class), "course-v1:Org+Num+Run",
                    new OutboxRelayTest.CourseChanged("course-v1:Org+Num+Run", 1, List.of("a")), 3);
            int received = 0;
            while (received < 3 && System.nanoTime() - started < 5_000_000_000L) {
                GetResponse message = probe.basicGet(queue, true);
                if (message == null) {
                    Thread.sleep(5);
                } else {
                    assertNotNull(message.getProps().getMessageId());
                    received++;
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(3, received);
            assertTrue(millis < 1_000, "published " + millis + " ms after the commit");
        }
    }
}
