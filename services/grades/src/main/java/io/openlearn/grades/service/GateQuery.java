package io.openlearn.grades.service;

import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GateRule;
import io.openlearn.grades.domain.VisibleBlocks;
import io.openlearn.grades.repository.GateRepository;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The subsections gates lock for one learner ({@link GateRule#locks}), on the version their grades are computed
 * against and the blocks their groups pass, from the gates the worker stored as fulfilled: what submission asks
 * before accepting an answer in a course with gates, and what a learner UI may ask besides the outline.
 */
@ApplicationScoped
public class GateQuery {

    public record LockedSubsection(String subsectionKey, String kind, String requires, String requiresName,
            double minScore, double minCompletion) {
    }

    public record Locks(String courseKey, UUID userId, long contentVersion, List<LockedSubsection> locked) {
    }

    private final CourseGrading grading;
    private final EnrolledLearners enrolled;
    private final Transactions db;
    private final GateRepository gates;

    public GateQuery(CourseGrading grading, EnrolledLearners enrolled, Transactions db, GateRepository gates) {
        this.grading = grading;
        this.enrolled = enrolled;
        this.db = db;
        this.gates = gates;
    }

    /** The learner themselves, the course team or a service; a learner only while enrolled. */
    public Locks ofLearner(Caller caller, String courseKey, UUID learner) {
        CoursePermissions.require(CoursePermissions.isSelfOrTeam(caller, courseKey, learner),
                "Learners see only their own data.");
        enrolled.requireEnrolledUnlessTeam(caller, courseKey, learner);
        CourseStructure structure = grading.of(courseKey).structure();
        if (structure.gates().isEmpty()) {
            return new Locks(courseKey, learner, structure.version(), List.of());
        }
        CourseStructure theirs = structure.restrictsGroups()
                ? VisibleBlocks.forLearner(structure, enrolled.groupsOf(learner, courseKey)) : structure;
        Set<String> fulfilled = db.read(c -> gates.fulfilled(c, courseKey, learner));
        List<LockedSubsection> locked = GateRule.locks(theirs, fulfilled).entrySet().stream()
                .map(e -> new LockedSubsection(e.getKey(), e.getValue().kind().label(), e.getValue().requires(),
                        e.getValue().requiresName(), e.getValue().minScore(), e.getValue().minCompletion()))
                .toList();
        return new Locks(courseKey, learner, structure.version(), locked);
    }
}
