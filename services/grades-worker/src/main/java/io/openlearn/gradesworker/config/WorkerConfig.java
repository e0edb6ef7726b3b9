package io.openlearn.gradesworker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** How this worker process takes work (environment: GRADES_WORKER_CONSUME, GRADES_WORKER_STREAM_CONCURRENCY, ...). */
@ConfigMapping(prefix = "grades-worker")
public interface WorkerConfig {

    /**
     * Which queues this process consumes: {@code stream}, {@code batch} or both. Kubernetes runs one Deployment
     * per queue so each scales on its own backlog; one machine runs both in one process.
     */
    @WithDefault("stream,batch")
    Set<Queue> consume();

    /**
     * Parallel STREAM consumers (copies of the {@code grades-stream} channel, its {@code concurrency}); each handles
     * one learner's event at a time. Set in application.properties, which hands it to the channel.
     */
    int streamConcurrency();

    /** Unacknowledged STREAM messages per consumer (the channel's {@code max-outstanding-messages}). */
    int streamPrefetch();

    /** Parallel BATCH jobs. A job runs slice after slice, so one is usually enough; STREAM never waits for it. */
    int batchConcurrency();

    /**
     * Slices of one job graded at the same time (each its own transaction over different learners). Raise it where
     * BATCH runs on its own nodes; on a machine shared with STREAM, it takes CPU from STREAM.
     */
    @WithDefault("2")
    int sliceParallelism();

    /** Learners per BATCH slice: one transaction and a constant number of SQL statements per slice. */
    @WithDefault("250")
    int sliceSize();

    /**
     * Longest a BATCH slice waits for a moment without STREAM work in this process before it starts anyway (0: it
     * never waits). Only matters where one process consumes both queues.
     */
    @WithDefault("PT0.25S")
    Duration batchYield();

    /** Pause before a failed message goes back to its queue, so a dependency that is down is not hammered. */
    @WithDefault("PT1S")
    Duration retryDelay();

    enum Queue {
        stream, batch
    }
}
