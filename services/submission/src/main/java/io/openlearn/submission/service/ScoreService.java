package io.openlearn.submission.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.submission.client.ContentClient;
import io.openlearn.submission.client.ProblemContext;
import io.openlearn.submission.config.SubmissionConfig;
import io.openlearn.submission.domain.Grade;
import io.openlearn.submission.messaging.ScoreEvents;
import io.openlearn.submission.repository.SubmissionRepository;
import io.openlearn.submission.repository.SubmissionRepository.ItemState;
import io.openlearn.submission.repository.SubmissionRepository.StoredScore;
import io.openlearn.submission.repository.SubmissionRepository.StoredSubmission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Staff actions on scores, each an appended score row with its event: a score set by hand (who and why kept with
 * it), a reset (a 0/0 marker that may also give the attempts back), and rescoring the latest submission of each
 * learner against the current answer key.
 */
@ApplicationScoped
public class ScoreService {

    private final SubmissionRepository repository;
    private final SubmissionService submissions;
    private final ContentClient content;
    private final ScoreEvents events;
    private final SubmissionConfig config;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public ScoreService(SubmissionRepository repository, SubmissionService submissions, ContentClient content,
            ScoreEvents events, SubmissionConfig config, ObjectMapper json) {
        this.repository = repository;
        this.submissions = submissions;
        this.content = content;
        this.events = events;
        this.config = config;
        this.json = json;
    }

    public record Rescored(int learners, int rescored, UUID nextAfter) {
    }

    /** A staff score of one learner's answer to a problem, read from the request once the caller may set it. */
    public record StaffScore(UUID learner, double earned, Double possible, String reason) {
    }

    /** The course team scores a learner's answer (403 for anyone else, before the score is read). */
    public StoredScore set(Caller caller, String courseKey, String itemKey, Supplier<StaffScore> score) {
        requireTeam(caller, courseKey);
        StaffScore s = score.get();
        return set(s.learner(), courseKey, itemKey, s.earned(), s.possible(), caller.name(), s.reason());
    }

    /** The course team resets a learner's score (403 for anyone else, before the learner is read). */
    public StoredScore reset(Caller caller, String courseKey, String itemKey, Supplier<UUID> learner,
            boolean clearAttempts, String reason) {
        requireTeam(caller, courseKey);
        return reset(learner.get(), courseKey, itemKey, clearAttempts, caller.name(), reason);
    }

    /** The course team or a platform service (grades) rescores a problem's answers. */
    public Rescored rescore(Caller caller, String courseKey, String itemKey, List<UUID> learners, UUID after,
            Integer limit) {
        CoursePermissions.require(CoursePermissions.isTeamOrService(caller, courseKey),
                "Only the course's staff and platform services may do this.");
        return rescore(courseKey, itemKey, learners, after, limit);
    }

    private static void requireTeam(Caller caller, String courseKey) {
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, courseKey),
                "Only the course's staff may do this.");
    }

    StoredScore set(UUID learner, String courseKey, String itemKey, double earned, Double possible,
            String staff, String reason) {
        SubmissionService.requireProblemOf(courseKey, itemKey);
        // the problem must be published; staff may score out of another total (e.g. a rubric) but not over it
        if (possible != null && possible <= 0) {
            throw ProblemException.invalid("possible", "must be above 0");
        }
        double problemMax = content.problem(courseKey, itemKey).answerKey().maxScore();
        double max = possible != null ? possible : problemMax;
        if (earned < 0 || max <= 0 || earned > max) {
            throw ProblemException.invalid("earned", "between 0 and the points possible (" + max + ")");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1_000) {
            throw ProblemException.invalid("reason", "say why, in at most 1000 characters");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ItemState item = repository.lockItem(learner, courseKey, itemKey, "problem");
            StoredScore score = repository.appendScore(item.id(), null, "staff", earned, max, staff, reason,
                    clock.instant());
            events.scored(item, score);
            return score;
        });
    }

    StoredScore reset(UUID learner, String courseKey, String itemKey, boolean clearAttempts, String staff,
            String reason) {
        SubmissionService.requireProblemOf(courseKey, itemKey);
        if (reason != null && reason.length() > 1_000) {
            throw ProblemException.invalid("reason", "at most 1000 characters");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            ItemState item = repository.lockExisting(learner, courseKey, itemKey)
                    .orElseThrow(() -> new ProblemException(404, "This learner has no score for " + itemKey + "."));
            StoredScore score = repository.appendScore(item.id(), null, "reset", 0, 0, staff, reason,
                    clock.instant());
            if (clearAttempts) {
                repository.clearAttempts(item.id());
            }
            events.reset(item, score, clearAttempts);
            return score;
        });
    }

    /**
     * Rescores the learners who answered the problem, in user-id order after {@code after} (or exactly
     * {@code learners} when given), at most {@code limit}; {@code nextAfter} continues the slice.
     */
    Rescored rescore(String courseKey, String itemKey, List<UUID> learners, UUID after, Integer limit) {
        SubmissionService.requireProblemOf(courseKey, itemKey);
        int max = limit == null ? config.rescoreSliceMax() : limit;
        if (max < 1 || max > config.rescoreSliceMax()) {
            throw ProblemException.invalid("limit", "1 to " + config.rescoreSliceMax());
        }
        if (learners != null && learners.size() > config.rescoreSliceMax()) {
            throw ProblemException.invalid("userIds", "at most " + config.rescoreSliceMax() + " per call");
        }
        ProblemContext problem = content.problem(courseKey, itemKey);
        List<UUID> slice = learners != null ? learners
                : QuarkusTransaction.requiringNew().call(() -> repository.learnersOfItem(courseKey, itemKey, after,
                        max));
        int rescored = 0;
        for (UUID learner : slice) {
            if (rescoreOne(learner, courseKey, itemKey, problem)) {
                rescored++;
            }
        }
        UUID next = learners == null && slice.size() == max ? slice.get(slice.size() - 1) : null;
        return new Rescored(slice.size(), rescored, next);
    }

    private boolean rescoreOne(UUID learner, String courseKey, String itemKey, ProblemContext problem) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ItemState> item = repository.lockExisting(learner, courseKey, itemKey);
            if (item.isEmpty() || repository.latestIsReset(item.get().id())) {
                // a reset cleared this learner's work: rescoring must not bring the old score back
                return false;
            }
            Optional<StoredSubmission> latest = repository.latestSubmission(item.get().id());
            if (latest.isEmpty()) {
                return false;
            }
            Grade grade;
            try {
                grade = submissions.grade(problem, submissions.parse(read(latest.get().answerJson())));
            } catch (ProblemException unfit) {
                // the problem changed kind since: the old answer earns nothing under the new key
                grade = new Grade(0, problem.answerKey().maxScore(), false);
            }
            StoredScore score = repository.appendScore(item.get().id(), latest.get().id(), "rescore", grade.earned(),
                    grade.possible(), null, null, clock.instant());
            events.scored(item.get(), score);
            return true;
        });
    }

    private com.fasterxml.jackson.databind.JsonNode read(String answer) {
        try {
            return json.readTree(answer);
        } catch (IOException e) {
            throw new IllegalStateException("a stored answer is always JSON", e);
        }
    }
}
