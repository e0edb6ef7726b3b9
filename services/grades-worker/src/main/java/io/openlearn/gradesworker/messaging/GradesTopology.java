package io.openlearn.gradesworker.messaging;

import java.util.List;
import java.util.Map;

/**
 * The exchanges, queues and bindings grading relies on. Services publish CloudEvents to the topic exchange
 * {@code openlearn.events} with the event type as routing key; learner-driven events feed STREAM, instructor-driven
 * ones feed BATCH, so a regrade of a whole course never delays the grade of one learner's submission.
 */
public final class GradesTopology {

    public static final String EVENTS_EXCHANGE = "openlearn.events";
    public static final String DEAD_LETTER_EXCHANGE = "grades.dead-letter";
    public static final String STREAM_QUEUE = "grades.stream";
    public static final String BATCH_QUEUE = "grades.batch";
    /** The SmallRye Reactive Messaging channels consuming the two queues (configured in application.properties). */
    public static final String STREAM_CHANNEL = "grades-stream";
    public static final String BATCH_CHANNEL = "grades-batch";
    /** Identifiers of the queue-argument maps the channels declare their queues with. */
    public static final String STREAM_QUEUE_ARGUMENTS = "grades-stream-queue-arguments";
    public static final String BATCH_QUEUE_ARGUMENTS = "grades-batch-queue-arguments";

    public static final List<String> STREAM_EVENTS = List.of("submission.scored", "submission.score-reset",
            "enrollment.changed", "cohort.membership.changed", "grade.override.changed");
    public static final List<String> BATCH_EVENTS = List.of("course.grading-policy.changed", "course.run.changed",
            "content.course.published", "grade.regrade.requested", "grade.rescore.requested",
            "grade.report.requested", "grade.resync.requested");

    private GradesTopology() {
    }

    public static String deadLetterQueueOf(String queue) {
        return queue + ".dlq";
    }

    /** Quorum queue arguments: replicated, bounded redelivery, dead letters kept at least once. */
    public static Map<String, Object> workQueueArguments(String queue, int deliveryLimit) {
        return Map.of("x-queue-type", "quorum",
                "x-delivery-limit", deliveryLimit,
                "x-dead-letter-exchange", DEAD_LETTER_EXCHANGE,
                "x-dead-letter-routing-key", deadLetterQueueOf(queue),
                // at-least-once dead-lettering requires the queue to refuse publishes rather than drop old messages
                "x-dead-letter-strategy", "at-least-once",
                "x-overflow", "reject-publish");
    }

}
