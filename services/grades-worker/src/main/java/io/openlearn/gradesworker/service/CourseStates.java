package io.openlearn.gradesworker.service;

import io.openlearn.grades.client.CourseRun;
import io.openlearn.grades.client.PolicyClient;
import io.openlearn.grades.client.StructureClient;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.repository.CourseState;
import io.openlearn.grades.repository.CourseStateRepository;
import io.openlearn.grades.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What a course is graded against. The first event of a course asks content-repository and course-authoring for
 * the latest versions; later, policy changes and publishes move the stored versions forward (never back). The
 * upstream reads run outside any transaction; only storing what they said takes one (short, no lock held).
 */
@ApplicationScoped
public class CourseStates {

    private final Transactions transactions;
    private final CourseStateRepository states;
    private final StructureClient structures;
    private final PolicyClient policies;

    public CourseStates(Transactions transactions, CourseStateRepository states, StructureClient structures,
            PolicyClient policies) {
        this.transactions = transactions;
        this.states = states;
        this.structures = structures;
        this.policies = policies;
    }

    /**
     * The stored state, or the latest upstream one stored now; empty while the course has no published content.
     * Never call it inside a transaction: a course the worker has not seen yet is asked of its upstreams.
     */
    public Optional<CourseState> current(String courseKey) {
        Optional<CourseState> known = transactions.read(db -> states.find(db, courseKey));
        return known.isPresent() ? known : refresh(courseKey);
    }

    /** Asks upstream for the latest versions and course end and stores them (versions only move forward). */
    public Optional<CourseState> refresh(String courseKey) {
        Optional<CourseStructure> structure = structures.latest(courseKey);
        Optional<GradingPolicy> policy = policies.current(courseKey);
        if (structure.isEmpty() || policy.isEmpty()) {
            return Optional.empty();
        }
        Optional<CourseRun> run = policies.run(courseKey);
        CourseState latest = new CourseState(courseKey, policy.get().version(), structure.get().version(),
                run.map(CourseRun::end).orElse(null), run.map(CourseRun::version).orElse(0L));
        return Optional.of(transactions.inNew(db -> states.advance(db, latest)));
    }
}
