package io.openlearn.grades.service;

import io.openlearn.grades.client.PolicyClient;
import io.openlearn.grades.client.StructureClient;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.repository.CourseState;
import io.openlearn.grades.repository.CourseStateRepository;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The structure and policy a course's grades were computed against (the worker's course state), or, before the
 * worker has seen the course, the latest published ones.
 */
@ApplicationScoped
public class CourseGrading {

    /** What grades of a course are read against. */
    public record Basis(CourseStructure structure, GradingPolicy policy, CourseState state) {
    }

    private final Transactions db;
    private final CourseStateRepository states;
    private final StructureClient structures;
    private final PolicyClient policies;

    public CourseGrading(Transactions db, CourseStateRepository states, StructureClient structures,
            PolicyClient policies) {
        this.db = db;
        this.states = states;
        this.structures = structures;
        this.policies = policies;
    }

    public Basis of(String courseKey) {
        Optional<CourseState> state = db.read(connection -> states.find(connection, courseKey));
        if (state.isPresent()) {
            return new Basis(structures.version(courseKey, state.get().contentVersion()),
                    policies.version(courseKey, state.get().policyVersion()), state.get());
        }
        CourseStructure structure = structures.latest(courseKey).orElseThrow(() -> new ProblemException(404,
                "Course " + courseKey + " has no published content, so nothing is graded yet."));
        GradingPolicy policy = policies.current(courseKey).orElseThrow(() -> new ProblemException(404,
                "No course run " + courseKey + "."));
        return new Basis(structure, policy, new CourseState(courseKey, policy.version(), structure.version(), null, 0));
    }
}
