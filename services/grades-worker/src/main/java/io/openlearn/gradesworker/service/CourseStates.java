package io.openlearn.gradesworker.service;

import io.openlearn.grades.client.CourseRun;
import io.openlearn.grades.client.PolicyClient;
import io.openlearn.grades.client.StructureClient;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.repository.CourseState;
import io.openlearn.grades.repository.CourseStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a course is graded against. The first event of a course asks content-repository and course-authoring for
 * the latest versions; later, policy changes and publishes move the stored versions forward (never back).
 */
@ApplicationScoped
public class CourseStates {

    private final CourseStateRepository states;
    private final StructureClient structures;
    private final PolicyClient policies;

    public CourseStates(CourseStateRepository states, StructureClient structures, PolicyClient policies) {
        this.states = states;
        this.structures = structures;
        this.policies = policies;
    }

    /** The stored state, or the latest upstream one stored now; empty while the course has no published content. */
    public Optional<CourseState> current(Connection db, String courseKey) throws SQLException {
        Optional<CourseState> known = states.find(db, courseKey);
        return known.isPresent() ? known : refresh(db, courseKey);
    }

    /** Asks upstream for the latest versions and course end and stores them (versions only move forward). */
    public Optional<CourseState> refresh(Connection db, String courseKey) throws SQLException {
        Optional<CourseStructure> structure = structures.latest(courseKey);
        Optional<GradingPolicy> policy = policies.current(courseKey);
        if (structure.isEmpty() || policy.isEmpty()) {
            return Optional.empty();
        }
        Optional<CourseRun> run = policies.run(courseKey);
        return Optional.of(states.advance(db, new CourseState(courseKey, policy.get().version(),
                structure.get().version(), run.map(CourseRun::end).orElse(null),
                run.map(CourseRun::version).orElse(0L))));
    }
}
