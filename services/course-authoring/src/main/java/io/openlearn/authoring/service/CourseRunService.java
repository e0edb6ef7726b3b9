package io.openlearn.authoring.service;

import io.openlearn.authoring.domain.CourseKey;
import io.openlearn.authoring.domain.CourseVisibility;
import io.openlearn.authoring.domain.FieldError;
import io.openlearn.authoring.domain.GradingPolicy;
import io.openlearn.authoring.repository.CourseRunEntity;
import io.openlearn.authoring.repository.CourseRunRepository;
import io.openlearn.authoring.repository.GradingPolicyRepository;
import io.openlearn.events.CourseRunChanged;
import io.openlearn.events.Events;
import io.openlearn.kit.problem.Problem;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Creating, changing and rerunning course runs; every change is announced as course.run.changed. */
@ApplicationScoped
public class CourseRunService {

    public static final String DAYS_EARLY_FOR_BETA_RULE = "a whole number of days from 0 to "
            + CourseRunSettings.MAX_DAYS_EARLY_FOR_BETA + ", or null for none";

    private final CourseRunRepository runs;
    private final GradingPolicyRepository policies;
    private final OutboxWriter outbox;
    private final GradingPolicyJson policyJson;

    public CourseRunService(CourseRunRepository runs, GradingPolicyRepository policies, OutboxWriter outbox,
            GradingPolicyJson policyJson) {
        this.runs = runs;
        this.policies = policies;
        this.outbox = outbox;
        this.policyJson = policyJson;
    }

    @Transactional
    public CourseRunEntity create(Caller caller, CourseKey key, CourseRunSettings settings) {
        GradingPolicy initial = GradingPolicy.openEdxDefault();
        CourseRunEntity run = createRun(caller, key, settings, policyJson.write(initial), initial.hash(), null);
        announce(run, CourseRunChanged.Change.created);
        return run;
    }

    private CourseRunEntity createRun(Caller caller, CourseKey key, CourseRunSettings settings, String policyJson,
            String policyHash, String rerunOf) {
        CoursePermissions.require(CoursePermissions.mayCreateRuns(caller, key.org()),
                "Only admins and admins of " + key.org() + " create its course runs.");
        requireValid(settings);
        if (runs.findByIdOptional(key.toString()).isPresent()) {
            throw new ProblemException(409, "Course run " + key + " already exists.");
        }
        CourseRunEntity run = new CourseRunEntity();
        run.courseKey = key.toString();
        run.org = key.org();
        run.number = key.number();
        run.run = key.run();
        run.createdAt = Instant.now();
        run.version = 1;
        run.rerunOf = rerunOf;
        apply(run, settings);
        runs.persistAndFlush(run);
        policies.insert(new GradingPolicyRepository.StoredPolicy(run.courseKey, 1, policyJson, policyHash,
                run.createdAt, caller.username()));
        return run;
    }

    @Transactional
    public CourseRunEntity update(Caller caller, CourseKey key, long expectedVersion, CourseRunSettings settings) {
        CourseRunEntity run = find(key);
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, key.toString()),
                "Only the course team edits " + key + ".");
        requireValid(settings);
        if (!runs.bumpVersion(run.courseKey, expectedVersion)) {
            throw new ProblemException(412, "Course run " + key + " changed since version " + expectedVersion
                    + "; read it again and reapply the change.");
        }
        runs.getEntityManager().refresh(run);
        apply(run, settings);
        announce(run, CourseRunChanged.Change.updated);
        return run;
    }

    /** A new run with the source's settings and current grading policy; content is copied by content-repository. */
    @Transactional
    public CourseRunEntity rerun(Caller caller, CourseKey source, CourseKey target, CourseRunSettings settings) {
        CourseRunEntity from = find(source);
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, source.toString()),
                "A rerun needs the right to edit " + source + ".");
        CourseRunSettings effective = settings != null ? settings : new CourseRunSettings(from.title,
                new io.openlearn.authoring.domain.CourseSchedule(null, null, null, null),
                io.openlearn.authoring.domain.Pacing.fromWireName(from.pacing).orElseThrow(), from.invitationOnly,
                from.maxEnrollments, from.daysEarlyForBeta,
                CourseVisibility.fromWireName(from.courseVisibility).orElseThrow());
        GradingPolicyRepository.StoredPolicy policy = policies.current(from.courseKey).orElseThrow();
        CourseRunEntity created = createRun(caller, target, effective, policy.policyJson(), policy.hash(),
                from.courseKey);
        announce(created, CourseRunChanged.Change.rerun);
        return created;
    }

    /** A run as the caller sees it: {@code insider} (the team, services) sees every setting, others the catalog. */
    public record Read(CourseRunEntity run, boolean insider) {
    }

    public Read read(Caller caller, CourseKey key) {
        CourseRunEntity run = find(key);
        return new Read(run, CoursePermissions.isTeamOrService(caller, key.toString()));
    }

    public CourseRunEntity find(CourseKey key) {
        return runs.findByIdOptional(key.toString())
                .orElseThrow(() -> new ProblemException(404, "No course run " + key + "."));
    }

    public List<CourseRunEntity> catalog(CourseRunRepository.Filter filter) {
        return runs.catalog(filter, Instant.now());
    }

    private static void apply(CourseRunEntity run, CourseRunSettings settings) {
        run.title = settings.title();
        run.start = settings.schedule().start();
        run.end = settings.schedule().end();
        run.enrollmentStart = settings.schedule().enrollmentStart();
        run.enrollmentEnd = settings.schedule().enrollmentEnd();
        run.pacing = settings.pacing().wireName();
        run.invitationOnly = settings.invitationOnly();
        run.maxEnrollments = settings.maxEnrollments();
        run.daysEarlyForBeta = settings.daysEarlyForBeta();
        run.courseVisibility = settings.courseVisibility().wireName();
        run.updatedAt = Instant.now();
    }

    static void requireValid(CourseRunSettings settings) {
        List<FieldError> errors = new java.util.ArrayList<>(settings.schedule().violations());
        if (settings.title() == null || settings.title().isBlank() || settings.title().length() > 255) {
            errors.add(new FieldError("title", "1 to 255 characters"));
        }
        if (settings.maxEnrollments() != null && settings.maxEnrollments() < 1) {
            errors.add(new FieldError("maxEnrollments", "must be at least 1 when set"));
        }
        if (!CourseRunSettings.validDaysEarlyForBeta(settings.daysEarlyForBeta())) {
            errors.add(new FieldError("daysEarlyForBeta", DAYS_EARLY_FOR_BETA_RULE));
        }
        throwIfAny(errors);
    }

    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                    errors.stream().map(e -> new Problem.FieldError(e.field(), e.message())).toList());
        }
    }

    private void announce(CourseRunEntity run, CourseRunChanged.Change change) {
        outbox.append(Events.COURSE_RUN_CHANGED, run.courseKey, new CourseRunChanged(run.courseKey, change,
                run.version, run.title, run.start, run.end, run.enrollmentStart, run.enrollmentEnd, run.pacing,
                run.invitationOnly, run.maxEnrollments, run.rerunOf, run.daysEarlyForBeta, run.courseVisibility));
    }
}
