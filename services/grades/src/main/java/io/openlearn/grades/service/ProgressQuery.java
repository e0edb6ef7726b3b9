package io.openlearn.grades.service;

import io.openlearn.grades.domain.AssignmentTypeGrade;
import io.openlearn.grades.domain.CourseGrade;
import io.openlearn.grades.domain.CourseGradeCalculator;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.domain.SubsectionGradeCalculator;
import io.openlearn.grades.domain.SubsectionOverride;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.OverrideRepository;
import io.openlearn.grades.repository.StoredCourseGrade;
import io.openlearn.grades.repository.StoredSubsectionGrade;
import io.openlearn.grades.repository.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A learner's progress page: every subsection (earned/possible, percent, graded, due), the per-type breakdown and
 * the course grade. Read from the persisted grades; a learner the worker has not graded yet sees zeros.
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

    public ProgressQuery(Transactions db, CourseGrading grading, GradeRepository grades, OverrideRepository overrides) {
        this.db = db;
        this.grading = grading;
        this.grades = grades;
        this.overrides = overrides;
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

        List<SubsectionGrade> subsectionGrades = new ArrayList<>();
        List<SubsectionProgress> subsections = new ArrayList<>();
        for (SubsectionDefinition definition : basis.structure().subsections()) {
            StoredSubsectionGrade known = stored.get(definition.key());
            SubsectionGrade grade = known != null ? known.grade()
                    : SubsectionGradeCalculator.grade(definition, Map.of(), overridden.get(definition.key()));
            subsectionGrades.add(grade);
            subsections.add(new SubsectionProgress(definition.key(), definition.displayName(), definition.graded(),
                    definition.format(), definition.due(), grade.earnedGraded(), grade.possibleGraded(),
                    grade.earnedAll(), grade.possibleAll(), grade.percent(), grade.overridden()));
        }
        CourseGrade computed = CourseGradeCalculator.fromSubsections(basis.structure(), basis.policy(),
                subsectionGrades);
        return new Progress(courseKey, learner, basis.state().policyVersion(), basis.state().contentVersion(),
                course != null ? course.percent() : computed.percent(),
                course != null ? course.letterGrade() : computed.letterGrade(),
                course != null ? course.passed() : computed.passed(),
                course != null ? course.firstPassedAt() : null, course != null ? course.updatedAt() : null,
                subsections, computed.breakdown());
    }
}
