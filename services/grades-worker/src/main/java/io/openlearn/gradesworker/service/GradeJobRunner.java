package io.openlearn.gradesworker.service;

import io.openlearn.grades.client.RosterClient;
import io.openlearn.grades.repository.GradeJob;
import io.openlearn.grades.repository.JobRepository;
import io.openlearn.grades.repository.ScoreProjectionRepository;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.gradesworker.client.SubmissionClient;
import io.openlearn.gradesworker.config.WorkerConfig;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs a grade job to its end, or resumes it. A regrade, resync or rescore splits the roster into slices once (a
 * resync first rebuilds the score projection), then {@link SliceScheduler} does the open slices, each marked done
 * in its own grading transaction, so a killed worker's redelivered message resumes at the first open slice and no
 * slice counts twice. A report is one streamed pass over the course's grades into S3.
 */
@ApplicationScoped
public class GradeJobRunner {

    private static final Logger LOG = Logger.getLogger(GradeJobRunner.class);

    private final Transactions transactions;
    private final JobRepository jobs;
    private final RosterClient roster;
    private final SubmissionClient submission;
    private final ScoreProjectionRepository scores;
    private final GradeReports reports;
    private final SliceScheduler slices;
    private final WorkerConfig config;

    public GradeJobRunner(Transactions transactions, JobRepository jobs, RosterClient roster,
            SubmissionClient submission, ScoreProjectionRepository scores, GradeReports reports, SliceScheduler slices,
            WorkerConfig config) {
        this.transactions = transactions;
        this.jobs = jobs;
        this.roster = roster;
        this.submission = submission;
        this.scores = scores;
        this.reports = reports;
        this.slices = slices;
        this.config = config;
    }

    /** Runs (or resumes) a job to its end; a finished job is left as it is. */
    public Optional<GradeJob> run(UUID jobId) {
        Optional<GradeJob> found = transactions.inNew(db -> jobs.find(db, jobId));
        if (found.isEmpty() || found.get().finished()) {
            return found;
        }
        GradeJob job = found.get();
        try {
            if (job.kind() == GradeJob.Kind.course_grade_report || job.kind() == GradeJob.Kind.problem_grade_report) {
                String key = reports.produce(job);
                transactions.inNew(db -> {
                    jobs.finish(db, jobId, GradeJob.State.done, key, null);
                    return null;
                });
                return transactions.inNew(db -> jobs.find(db, jobId));
            }
            if (job.slicesTotal() == null) {
                if (job.kind() == GradeJob.Kind.resync) {
                    resyncProjection(job.courseKey());
                }
                plan(job);
            }
            slices.runAll(job, transactions.inNew(db -> jobs.openSlices(db, jobId)));
            transactions.inNew(db -> {
                jobs.finish(db, jobId, GradeJob.State.done, null, null);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (isPermanent(e)) {
                LOG.errorf(e, "Grade job %s failed", jobId);
                transactions.inNew(db -> {
                    jobs.finish(db, jobId, GradeJob.State.failed, null, e.getMessage());
                    return null;
                });
            } else {
                throw e;
            }
        }
        return transactions.inNew(db -> jobs.find(db, jobId));
    }

    /**
     * Rebuilds the course's score projection from submission, page by page (one statement each). A score older than
     * the stored one is skipped, so a resync racing STREAM never moves a learner back.
     */
    private void resyncProjection(String courseKey) {
        String after = null;
        do {
            SubmissionClient.ScorePage page = submission.latestScores(courseKey, after, 2_000);
            transactions.inNew(db -> scores.applyAll(db, courseKey, page.scores()));
            after = page.nextAfter();
        } while (after != null);
    }

    private void plan(GradeJob job) {
        List<List<UUID>> slices = new ArrayList<>();
        String cursor = null;
        do {
            RosterClient.Page page = roster.activeLearners(job.courseKey(), cursor, 1000);
            for (UUID learner : page.learners()) {
                if (slices.isEmpty() || slices.get(slices.size() - 1).size() >= config.sliceSize()) {
                    slices.add(new ArrayList<>(config.sliceSize()));
                }
                slices.get(slices.size() - 1).add(learner);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        transactions.inNew(db -> {
            jobs.plan(db, job.id(), slices);
            return null;
        });
    }

    /** A 4xx from a dependency will not heal by retrying; anything else (5xx, unreachable) goes back to the queue. */
    private static boolean isPermanent(RuntimeException e) {
        return e instanceof ProblemException problem && problem.status() >= 400
                && problem.status() < 500;
    }
}
