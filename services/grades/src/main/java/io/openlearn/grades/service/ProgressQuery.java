package io.openlearn.grades.service;

import io.openlearn.grades.domain.AssignmentTypeGrade;
import io.openlearn.grades.domain.CourseGrade;
import io.openlearn.grades.domain.CourseGradeCalculator;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.domain.SubsectionGradeCalculator;
import io.openlearn.grades.domain.SubsectionOverride;
import io.openlearn.grades.domain.VisibleBlocks;
import io.openlearn.grades.repository.GradeChange;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.OverrideRepository;
import io.openlearn.grades.repository.StoredCourseGrade;
import io.openlearn.grades.repository.StoredSubsectionGrade;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A learner's progress page: every subsection (earned/possible, percent, graded, due), the per-type breakdown and
 * the course grade. Read from the persisted grades; a learner the worker has not graded yet sees zeros. Only the
 * subsections the learner's groups pass are theirs, as the worker grades them.
 */
@ApplicationScoped
public class ProgressQuery {

    public record SubsectionProgress(String key, String displayName, boolean graded, String format, Instant due,
            double earned, double possible, double earnedAll, double possibleAll, double percent,
            boolean overridden) {
    }

    public record Progress(String courseKey, UUID userId, long policyVersion, long contentVersion, double percent,
            String letterGrade, boolean passed, Instant firstPassedAt, Instant gradedAt,
            List<SubsectionProgress> subsections, List<AssignmentTypeGrade> assignmentTypes) {
    }

    /** What one connection reads of a learner's stored grades. */
    private record Stored(Map<String, StoredSubsectionGrade> subsections, Map<String, SubsectionOverride> overrides,
            StoredCourseGrade course) {
    }

    private final Transactions db;
    private final CourseGrading grading;
    private final GradeRepository grades;
    private final OverrideRepository overrides;
    private final EnrolledLearners enrolled;

    public ProgressQuery(Transactions db, CourseGrading grading, GradeRepository grades, OverrideRepository overrides,
            EnrolledLearners enrolled) {
        this.db = db;
        this.grading = grading;
        this.grades = grades;
        this.overrides = overrides;
        this.enrolled = enrolled;
    }

    /** The caller's own progress in a course: theirs while actively enrolled; the team's and services' always. */
    public Progress mine(Caller caller, String courseKey) {
        String key = CourseKeys.require(courseKey);
        UUID me = caller.userId();
        enrolled.requireEnrolledUnlessTeam(caller, key, me);
        return of(key, me);
    }

    /** One learner's progress: the learner themselves (while enrolled), the course team or a service (403). */
    public Progress ofLearner(Caller caller, String courseKey, UUID learner) {
        requireSelfOrTeam(caller, courseKey, learner);
        enrolled.requireEnrolledUnlessTeam(caller, courseKey, learner);
        return of(courseKey, learner);
    }

    /** A learner's grade changes, newest first, before {@code before} (an id); who may see their progress. */
    public List<GradeChange> history(Caller caller, String courseKey, UUID learner, Long before, int limit) {
        requireSelfOrTeam(caller, courseKey, learner);
        Paging.requireLimit(limit, 500);
        return db.read(c -> grades.history(c, courseKey, learner, before == null ? Long.MAX_VALUE : before, limit));
    }

    private static void requireSelfOrTeam(Caller caller, String courseKey, UUID learner) {
        CoursePermissions.require(CoursePermissions.isSelfOrTeam(caller, courseKey, learner),
                "Learners see only their own data.");
    }

    public Progress of(String courseKey, UUID learner) {
        CourseGrading.Basis basis = grading.of(courseKey);
        List<UUID> one = List.of(learner);
        Stored read = db.read(c -> new Stored(
                grades.subsectionGrades(c, courseKey, one).getOrDefault(learner, Map.of()),
                overrides.ofLearners(c, courseKey, one).getOrDefault(learner, Map.of()),
                grades.courseGrades(c, courseKey, one).get(learner)));
        Map<String, StoredSubsectionGrade> stored = read.subsections();
        Map<String, SubsectionOverride> overridden = read.overrides();
        StoredCourseGrade course = read.course();

        CourseStructure structure = basis.structure().restrictsGroups()
                ? VisibleBlocks.forLearner(basis.structure(), enrolled.groupsOf(learner, courseKey))
                : basis.structure();
        List<SubsectionGrade> subsectionGrades = new ArrayList<>();
        List<SubsectionProgress> subsections = new ArrayList<>();
        for (SubsectionDefinition definition : structure.subsections()) {
            StoredSubsectionGrade known = stored.get(definition.key());
            SubsectionGrade grade = known != null ? known.grade()
                    : SubsectionGradeCalculator.grade(definition, Map.of(), overridden.get(definition.key()));
            subsectionGrades.add(grade);
            subsections.add(new SubsectionProgress(definition.key(), definition.displayName(), definition.graded(),
                    definition.format(), definition.due(), grade.earnedGraded(), grade.possibleGraded(),
                    grade.earnedAll(), grade.possibleAll(), grade.percent(), grade.overridden()));
        }
        CourseGrade computed = CourseGradeCalculator.fromSubsections(structure, basis.policy(),
                subsectionGrades);
        return new Progress(courseKey, learner, basis.state().policyVersion(), basis.state().contentVersion(),
                course != null ? course.percent() : computed.percent(),
                course != null ? course.letterGrade() : computed.letterGrade(),
                course != null ? course.passed() : computed.passed(),
                course != null ? course.firstPassedAt() : null, course != null ? course.updatedAt() : null,
                subsections, computed.breakdown());
    }
}
