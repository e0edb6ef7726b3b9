package io.openlearn.grades.service;

import io.openlearn.grades.domain.CourseGrade;
import io.openlearn.grades.domain.CourseGradeCalculator;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.domain.SubsectionGradeCalculator;
import io.openlearn.grades.repository.CourseSubsectionGrades;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * "What if": the course's grade distribution under a proposed policy next to the current one, from the persisted
 * subsection grades (a policy changes no subsection grade, only how they add up). Nothing is written.
 */
@ApplicationScoped
public class WhatIfQuery {

    public record Distribution(double meanPercent, double medianPercent, int passed, Map<String, Integer> letters,
            int[] histogram) {
    }

    public record Preview(String courseKey, long contentVersion, long currentPolicyVersion, int learners,
            Distribution current, Distribution proposed, int letterChanges, int passChanges) {
    }

    private final Transactions db;
    private final CourseGrading grading;
    private final CourseSubsectionGrades subsectionGrades;

    public WhatIfQuery(Transactions db, CourseGrading grading, CourseSubsectionGrades subsectionGrades) {
        this.db = db;
        this.grading = grading;
        this.subsectionGrades = subsectionGrades;
    }

    /** The course team's preview (403 for anyone else); {@code proposal} is read, and refused 400, only after. */
    public Preview preview(Caller caller, String courseKey, Supplier<GradingPolicy> proposal) {
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, courseKey),
                "Only the course's staff may do this.");
        return preview(courseKey, proposal.get());
    }

    Preview preview(String courseKey, GradingPolicy proposed) {
        CourseGrading.Basis basis = grading.of(courseKey);
        CourseStructure structure = basis.structure();
        Tally current = new Tally();
        Tally next = new Tally();
        int[] changes = new int[2];
        boolean restricted = structure.restrictsGroups();
        int learners = db.inNew(c -> subsectionGrades.forEachLearner(c, courseKey, (learner, stored) -> {
            // the worker keeps a row for every subsection a graded learner sees and none for one they do not: in a
            // course restricted to groups, the learner's rows are their subsections
            CourseStructure theirs = restricted ? structure.keeping(structure.chapters(),
                    structure.subsections().stream().filter(d -> stored.containsKey(d.key())).toList())
                    : structure;
            List<SubsectionGrade> grades = new ArrayList<>(theirs.subsections().size());
            for (SubsectionDefinition definition : theirs.subsections()) {
                SubsectionGrade known = stored.get(definition.key());
                grades.add(known != null ? known : SubsectionGradeCalculator.grade(definition, Map.of(), null));
            }
            CourseGrade now = CourseGradeCalculator.fromSubsections(theirs, basis.policy(), grades);
            CourseGrade then = CourseGradeCalculator.fromSubsections(theirs, proposed, grades);
            current.add(now);
            next.add(then);
            if (!java.util.Objects.equals(now.letterGrade(), then.letterGrade())) {
                changes[0]++;
            }
            if (now.passed() != then.passed()) {
                changes[1]++;
            }
        }));
        return new Preview(courseKey, structure.version(), basis.policy().version(), learners, current.result(),
                next.result(), changes[0], changes[1]);
    }

    /** Percents, letters and passes of many learners; percents kept for the median (8 bytes a learner). */
    private static final class Tally {
        private double[] percents = new double[1024];
        private int count;
        private int passed;
        private final Map<String, Integer> letters = new TreeMap<>();
        private final int[] histogram = new int[10];

        void add(CourseGrade grade) {
            if (count == percents.length) {
                percents = Arrays.copyOf(percents, count * 2);
            }
            percents[count++] = grade.percent();
            if (grade.passed()) {
                passed++;
            }
            letters.merge(grade.letterGrade() == null ? "none" : grade.letterGrade(), 1, Integer::sum);
            histogram[Math.min(9, Math.max(0, (int) Math.floor(grade.percent() * 10)))]++;
        }

        Distribution result() {
            if (count == 0) {
                return new Distribution(0, 0, 0, letters, histogram);
            }
            double[] sorted = Arrays.copyOf(percents, count);
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).sum() / count;
            double median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
            return new Distribution(Math.round(mean * 10_000) / 10_000.0, median, passed, letters, histogram);
        }
    }
}
