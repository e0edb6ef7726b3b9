package io.openlearn.authoring.service;

import io.openlearn.authoring.config.AuthoringConfig;
import io.openlearn.authoring.domain.CourseKey;
import io.openlearn.authoring.domain.GradingPolicy;
import io.openlearn.authoring.repository.GradingPolicyRepository;
import io.openlearn.authoring.repository.GradingPolicyRepository.StoredPolicy;
import io.openlearn.authoring.repository.PendingRegradeRepository;
import io.openlearn.events.CourseGradingPolicyChanged;
import io.openlearn.events.Events;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.outbox.OutboxWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Grading policy versions. A change writes a new immutable version and (re)schedules the run's regrade; when the
 * collapse window has passed without further change, one course.grading-policy.changed event leaves with the newest
 * version, so a team adjusting weights five times in a minute causes one regrade, not five.
 */
@ApplicationScoped
public class GradingPolicyService {

    /** A run's regrade waits at most this many collapse windows after the first change. */
    static final int MAX_WINDOWS = 10;

    private final CourseRunService runs;
    private final GradingPolicyRepository policies;
    private final PendingRegradeRepository regrades;
    private final OutboxWriter outbox;
    private final GradingPolicyJson policyJson;
    private final AuthoringConfig config;

    public GradingPolicyService(CourseRunService runs, GradingPolicyRepository policies,
            PendingRegradeRepository regrades, OutboxWriter outbox,
            GradingPolicyJson policyJson, AuthoringConfig config) {
        this.runs = runs;
        this.policies = policies;
        this.regrades = regrades;
        this.outbox = outbox;
        this.policyJson = policyJson;
        this.config = config;
    }

    @Transactional
    public StoredPolicy current(CourseKey key) {
        runs.find(key);
        return policies.current(key.toString()).orElseThrow();
    }

    @Transactional
    public List<StoredPolicy> history(Caller caller, CourseKey key) {
        requireTeam(caller, key);
        return policies.all(key.toString());
    }

    @Transactional
    public StoredPolicy version(Caller caller, CourseKey key, int version) {
        requireTeam(caller, key);
        return policies.version(key.toString(), version)
                .orElseThrow(() -> new ProblemException(404, "No grading policy version " + version + "."));
    }

    @Transactional
    public StoredPolicy change(Caller caller, CourseKey key, int expectedVersion, GradingPolicy policy) {
        runs.find(key);
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, key.toString()),
                "Only the course team changes the grading policy of " + key + ".");
        CourseRunService.throwIfAny(policy.violations());
        StoredPolicy current = policies.current(key.toString()).orElseThrow();
        if (current.hash().equals(policy.hash())) {
            // saving without a change, or retrying a PUT that already succeeded: nothing to version or regrade,
            // and no lost update is possible whatever version the caller started from
            return current;
        }
        if (current.version() != expectedVersion) {
            throw new ProblemException(412, "The grading policy is at version " + current.version() + ", not "
                    + expectedVersion + "; read it again and reapply the change.");
        }
        Instant now = Instant.now();
        StoredPolicy next = new StoredPolicy(key.toString(), current.version() + 1, policyJson.write(policy),
                policy.hash(), now, caller.username());
        // a concurrent change to the same version collides on the primary key: one wins, the other rolls back
        try {
            policies.insert(next);
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ProblemException(412, "The grading policy changed at the same moment; read it again.");
        }
        regrades.schedule(key.toString(), next.version(), now, now.plus(config.regradeCollapseWindow()),
                config.regradeCollapseWindow().multipliedBy(MAX_WINDOWS));
        return next;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDueRegrades() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (PendingRegradeRepository.Due due : regrades.claimDue(Instant.now(), 100)) {
                StoredPolicy policy = policies.version(due.courseKey(), due.policyVersion()).orElseThrow();
                outbox.append(Events.COURSE_GRADING_POLICY_CHANGED, due.courseKey(),
                        new CourseGradingPolicyChanged(due.courseKey(), policy.version(), policy.hash()));
            }
        });
    }

    public GradingPolicy read(StoredPolicy stored) {
        return policyJson.read(stored.policyJson());
    }

    private void requireTeam(Caller caller, CourseKey key) {
        runs.find(key);
        CoursePermissions.require(CoursePermissions.isTeamOrService(caller, key.toString()),
                "Only the course team reads the grading policy history of " + key + ".");
    }
}
