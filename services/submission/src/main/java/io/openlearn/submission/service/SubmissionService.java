package io.openlearn.submission.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.courseware.GateLocks;
import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.Problem.FieldError;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.problem.Problems;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.submission.client.AuthoringClient;
import io.openlearn.submission.client.ContentClient;
import io.openlearn.submission.client.CourseSchedule;
import io.openlearn.submission.client.EnrollmentClient;
import io.openlearn.submission.client.ProblemContext;
import io.openlearn.submission.domain.Answer;
import io.openlearn.submission.domain.AnswerGrader;
import io.openlearn.submission.domain.AnswerShapeException;
import io.openlearn.submission.domain.Deadline;
import io.openlearn.submission.domain.Grade;
import io.openlearn.submission.domain.Release;
import io.openlearn.submission.messaging.ScoreEvents;
import io.openlearn.submission.repository.ExtensionRepository;
import io.openlearn.submission.repository.SubmissionRepository;
import io.openlearn.submission.repository.SubmissionRepository.ItemState;
import io.openlearn.submission.repository.SubmissionRepository.StoredScore;
import io.openlearn.submission.repository.SubmissionRepository.StoredSubmission;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A learner's submit: who may (actively enrolled, in the problem's groups, course running, the subsection released
 * and not locked by a gate, before the due date plus grace or their extension), what counts (max attempts; an
 * Idempotency-Key replays the first result), the grade against the answer key, and the score with its event, all in
 * one short transaction. Everything asked of other services is asked before the transaction opens.
 */
@ApplicationScoped
public class SubmissionService {

    static final Pattern PROBLEM_KEY = Pattern.compile("^block-v1:([A-Za-z0-9_.-]+)\\+([A-Za-z0-9_.-]+)\\+"
            + "([A-Za-z0-9_.-]+)\\+type@problem\\+block@[A-Za-z0-9_-]{1,64}$");
    static final int MAX_IDEMPOTENCY_KEY = 128;

    private final SubmissionRepository repository;
    private final ExtensionRepository extensions;
    private final ContentClient content;
    private final AuthoringClient authoring;
    private final EnrollmentClient enrollment;
    private final GateLocks gates;
    private final ScoreEvents events;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public SubmissionService(SubmissionRepository repository, ExtensionRepository extensions, ContentClient content,
            AuthoringClient authoring, EnrollmentClient enrollment, GateLocks gates, ScoreEvents events,
            ObjectMapper json) {
        this.repository = repository;
        this.extensions = extensions;
        this.content = content;
        this.authoring = authoring;
        this.enrollment = enrollment;
        this.gates = gates;
        this.events = events;
        this.json = json;
    }

    /** The outcome of a submit, with whether the learner may see correctness now. */
    public record Submitted(StoredSubmission submission, StoredScore score, int attemptsUsed, Integer maxAttempts,
            boolean correct, boolean revealed, boolean replayed) {
    }

    /** The caller answers as a learner; a beta tester of the course gets earlier releases, as Open edX. */
    public Submitted submit(Caller caller, String courseKey, String itemKey, JsonNode answerBody,
            String idempotencyKey) {
        UUID learner = caller.userId();
        boolean betaTester = CoursePermissions.isBetaTester(caller, courseKey);
        requireProblemOf(courseKey, itemKey);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ProblemException.invalid("Idempotency-Key", "1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        if (idempotencyKey != null) {
            // a retry answers what the first attempt answered, whatever has changed since
            Optional<Submitted> replay = replay(learner, courseKey, itemKey, idempotencyKey);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Answer answer = parse(answerBody);
        ProblemContext problem = content.problem(courseKey, itemKey);
        Set<GroupAccess.Group> groups =
                enrollment.activeGroups(learner, courseKey).orElseThrow(() -> new ProblemException(403,
                        "Only learners actively enrolled in " + courseKey + " submit answers."));
        if (!problem.access().allows(groups)) {
            // a problem for other groups is one this learner never sees: answered as one that does not exist
            throw new ProblemException(404, itemKey + " is not a published problem of " + courseKey + ".");
        }
        Instant now = clock.instant();
        CourseSchedule schedule = authoring.schedule(courseKey);
        Release release = Release.of(problem.release(), betaTester, schedule.earlyAccess());
        release.refusal(now).ifPresent(reason -> {
            throw new ProblemException(403, reason);
        });
        if (problem.gated()) {
            GateLocks.Lock lock = gates.of(courseKey, learner).get(problem.subsectionKey());
            if (lock != null) {
                throw new ProblemException(403, lock.reason("This problem"));
            }
        }
        Deadline deadline = deadline(learner, courseKey, problem, release);
        Grade grade = grade(problem, answer);
        boolean revealed = deadline.revealsCorrectness(problem.showCorrectness(), now);
        String answerJson = answerBody.toString();
        return QuarkusTransaction.requiringNew().call(() -> {
            ItemState item = repository.lockItem(learner, courseKey, itemKey, "problem");
            if (idempotencyKey != null && repository.findByIdempotencyKey(item.id(), idempotencyKey).isPresent()) {
                // the same retry raced the first attempt: the first one won; answer as a replay would
                throw new ProblemException(409, "A submission with this Idempotency-Key is being recorded; retry.");
            }
            deadline.refusal(now).ifPresent(reason -> {
                throw new ProblemException(409, reason);
            });
            Integer max = problem.answerKey().maxAttempts();
            if (max != null && item.attemptsUsed() >= max) {
                throw new ProblemException(409, "All " + max + " attempts at this problem are used.");
            }
            StoredSubmission submission = repository.insertSubmission(item, answerJson, idempotencyKey,
                    problem.contentVersion(), now);
            StoredScore score = repository.appendScore(item.id(), submission.id(), "auto", grade.earned(),
                    grade.possible(), null, null, now);
            events.scored(item, score);
            return new Submitted(submission, score, item.attemptsUsed() + 1, max, grade.correct(), revealed, false);
        });
    }

    private Optional<Submitted> replay(UUID learner, String courseKey, String itemKey, String idempotencyKey) {
        Optional<SubmissionRepository.Replay> first = QuarkusTransaction.requiringNew()
                .call(() -> repository.findReplay(learner, courseKey, itemKey, idempotencyKey));
        return first.map(r -> {
            boolean revealed;
            Integer max = null;
            try {
                ProblemContext problem = content.problem(courseKey, itemKey);
                max = problem.answerKey().maxAttempts();
                revealed = deadline(learner, courseKey, problem).revealsCorrectness(problem.showCorrectness(),
                        clock.instant());
            } catch (ProblemException e) {
                revealed = false;
            }
            StoredScore score = r.firstScore();
            return new Submitted(r.submission(), score, r.attemptsUsed(), max,
                    score.possible() > 0 && score.earned() >= score.possible(), revealed, true);
        });
    }

    /** The deadline for this learner: the run's dates, the subsection's due date plus grace, their extension. */
    public Deadline deadline(UUID learner, String courseKey, ProblemContext problem) {
        return deadline(learner, courseKey, problem, Release.of(problem.release(), false, null));
    }

    /** As above, with the run's start moved earlier for a beta tester. */
    private Deadline deadline(UUID learner, String courseKey, ProblemContext problem, Release release) {
        CourseSchedule schedule = authoring.schedule(courseKey);
        Instant extended = extensions.extendedUntil(learner, courseKey, problem.subsectionKey()).orElse(null);
        return new Deadline(release.forLearner(schedule.start()), schedule.end(), problem.due(), schedule.grace(),
                extended);
    }

    Grade grade(ProblemContext problem, Answer answer) {
        try {
            return AnswerGrader.grade(problem.answerKey(), answer);
        } catch (AnswerShapeException e) {
            List<FieldError> errors = new ArrayList<>();
            for (String detail : e.details()) {
                int colon = detail.indexOf(':');
                errors.add(new FieldError("answer." + detail.substring(0, colon), detail.substring(colon + 1).trim()));
            }
            throw new ProblemException(Problems.VALIDATION_TYPE, "Answer does not fit the problem", 422,
                    "The answer does not have the shape this problem takes.", errors);
        }
    }

    Answer parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("answer",
                    "an object: {\"choices\": [...]}, {\"value\": n} or {\"text\": \"...\"}");
        }
        List<String> choices = null;
        if (body.has("choices")) {
            if (!body.get("choices").isArray()) {
                throw shape("answer.choices", "must be an array of choice ids");
            }
            choices = new ArrayList<>();
            for (JsonNode choice : body.get("choices")) {
                if (!choice.isTextual()) {
                    throw shape("answer.choices", "must be an array of choice ids");
                }
                choices.add(choice.asText());
            }
        }
        Double value = null;
        if (body.has("value")) {
            if (!body.get("value").isNumber()) {
                throw shape("answer.value", "must be a number");
            }
            value = body.get("value").asDouble();
        }
        String text = null;
        if (body.has("text")) {
            if (!body.get("text").isTextual()) {
                throw shape("answer.text", "must be a string");
            }
            text = body.get("text").asText();
        }
        return new Answer(choices, value, text);
    }

    static void requireProblemOf(String courseKey, String itemKey) {
        String key = CourseKeys.require(courseKey);
        var matcher = itemKey == null ? null : PROBLEM_KEY.matcher(itemKey);
        if (matcher == null || !matcher.matches()
                || !key.equals("course-v1:" + matcher.group(1) + "+" + matcher.group(2) + "+" + matcher.group(3))) {
            throw new ProblemException(404, "No problem " + itemKey + " in " + courseKey + ".");
        }
    }

    private static ProblemException shape(String field, String message) {
        return new ProblemException(Problems.VALIDATION_TYPE, "Answer does not fit the problem", 422,
                "The answer does not have the shape this problem takes.", List.of(new FieldError(field, message)));
    }
}
