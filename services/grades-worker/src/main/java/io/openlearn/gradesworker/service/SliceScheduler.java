package io.openlearn.gradesworker.service;

import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.GradeJob;
import io.openlearn.grades.repository.JobRepository;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.gradesworker.client.SubmissionClient;
import io.openlearn.gradesworker.config.WorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Does a job's open slices, up to {@code slice-parallelism} at a time; the first failure stops the job (the
 * redelivery resumes it). Where this process also grades STREAM, the extra slice runners take a slice only while
 * STREAM is idle, so under learners' traffic a regrade goes one slice at a time and at full width otherwise (the
 * figures are in docs/benchmarks.md, "STREAM while BATCH regrades"). A slice is one transaction that grades its
 * learners and marks the slice done.
 */
@ApplicationScoped
public class SliceScheduler {

    private final Transactions transactions;
    private final JobRepository jobs;
    private final LearnerGrading grading;
    private final SubmissionClient submission;
    private final StreamActivity stream;
    private final WorkerConfig config;

    public SliceScheduler(Transactions transactions, JobRepository jobs, LearnerGrading grading,
            SubmissionClient submission, StreamActivity stream, WorkerConfig config) {
        this.transactions = transactions;
        this.jobs = jobs;
        this.grading = grading;
        this.submission = submission;
        this.stream = stream;
        this.config = config;
    }

    /** Does the open slices of the job; returns when all are done, throws at the first failure. */
    public void runAll(GradeJob job, List<JobRepository.Slice> open) {
        Queue<JobRepository.Slice> queue = new ConcurrentLinkedQueue<>(open);
        int runners = Math.min(config.sliceParallelism(), open.size());
        if (runners <= 1) {
            drain(job, queue, true);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(runners - 1);
        try {
            List<Future<?>> helpers = new ArrayList<>();
            for (int i = 1; i < runners; i++) {
                helpers.add(pool.submit(() -> drain(job, queue, false)));
            }
            drain(job, queue, true);
            for (Future<?> helper : helpers) {
                helper.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while grading " + job.id(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void drain(GradeJob job, Queue<JobRepository.Slice> queue, boolean lead) {
        try {
            for (JobRepository.Slice slice = next(queue, lead); slice != null; slice = next(queue, lead)) {
                runSlice(job, slice);
            }
        } catch (RuntimeException e) {
            queue.clear(); // the other runners stop after their current slice
            throw e;
        }
    }

    private JobRepository.Slice next(Queue<JobRepository.Slice> queue, boolean lead) {
        if (config.consume().contains(WorkerConfig.Queue.stream)) {
            if (lead) {
                stream.awaitQuiet(config.batchYield());
            } else {
                while (!queue.isEmpty() && stream.activeWithin(config.batchYield())) {
                    stream.awaitQuiet(config.batchYield());
                    pause(config.batchYield());
                }
            }
        }
        return queue.poll();
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(Math.max(1, delay.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for STREAM to go idle", e);
        }
    }

    private void runSlice(GradeJob job, JobRepository.Slice slice) {
        Cause cause = new Cause(job.causeKind(), job.causeRef(), job.byAdmin());
        if (job.kind() == GradeJob.Kind.rescore) {
            // re-evaluation is submission's; the changed scores come back on STREAM like any other score
            submission.rescore(job.courseKey(), job.itemKey(), slice.learners());
        }
        if (job.kind() == GradeJob.Kind.regrade || job.kind() == GradeJob.Kind.resync) {
            // the structure and policy are read before the slice's transaction locks its learners
            grading.inTransaction(job.courseKey(), slice.learners(), (db, basis) -> {
                grading.regrade(db, basis, slice.learners(), cause);
                jobs.sliceDone(db, job.id(), slice.number());
                return null;
            });
            return;
        }
        transactions.inNew(db -> {
            jobs.sliceDone(db, job.id(), slice.number());
            return null;
        });
    }
}
