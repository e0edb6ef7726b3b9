package io.openlearn.grades.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Open edX's gating milestones, decided from one learner's grade on the blocks they see.
 * <ul>
 *   <li>A prerequisite is fulfilled while the learner's score on the required subsection is at least its
 *   {@code minScore} percent and their completion (problems with a score of all its problems, as the outline shows
 *   it; 100 when it has none)
 *   at least its {@code minCompletion}; it is lost again when a score falls below, as Open edX removes the
 *   milestone. The score is the graded points' percent, {@code earned * 100 / possible} unrounded (Open edX's
 *   {@code percent_graded * 100}); a subsection without graded points counts all of its points, where Open edX
 *   would count none and never open.</li>
 *   <li>The entrance exam is passed once the learner's score over the exam chapter (all its points, graded or not:
 *   Open edX's chapter percentage) reaches {@code minScore}; once passed it stays passed, as in Open edX.</li>
 *   <li>A gate the learner cannot see is not theirs (a gated subsection outside their groups has no standing) and
 *   a requirement they cannot see never holds them back (fulfilled).</li>
 * </ul>
 * Gates never change a grade: a locked subsection counts as any unanswered one does.
 */
public final class GateRule {

    public enum Kind {
        PREREQUISITE("prerequisite"), ENTRANCE_EXAM("entrance-exam");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Kind ofLabel(String label) {
            return label.equals(ENTRANCE_EXAM.label) ? ENTRANCE_EXAM : PREREQUISITE;
        }
    }

    /**
     * One gate as one learner stands on it: {@code gate} is the gated subsection (a prerequisite) or the exam chapter,
     * {@code requires} the subsection or chapter whose score opens it.
     */
    public record Standing(Kind kind, String gate, String requires, boolean fulfilled, double percent,
            double completion) {
    }

    /** What keeps a subsection locked for a learner, and what opens it ({@code requires} and its display name). */
    public record Lock(Kind kind, String requires, String requiresName, double minScore, double minCompletion) {
    }

    private GateRule() {
    }

    /**
     * Every gate of {@code theirs} the learner has, with whether they fulfil it now.
     *
     * @param theirs           the structure as this learner is graded on it (their visible blocks)
     * @param grade            their course grade on it (overrides applied)
     * @param scores           their problem scores, for completion
     * @param examPassedBefore whether the entrance exam was passed already
     */
    public static List<Standing> evaluate(CourseStructure theirs, CourseGrade grade, Map<String, ProblemScore> scores,
            boolean examPassedBefore) {
        Gates gates = theirs.gates();
        List<Standing> standings = new ArrayList<>();
        if (gates.isEmpty()) {
            return standings;
        }
        Map<String, SubsectionDefinition> visible = theirs.subsections().stream()
                .collect(Collectors.toMap(SubsectionDefinition::key, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        Map<String, SubsectionGrade> grades = grade.subsections().stream()
                .collect(Collectors.toMap(SubsectionGrade::subsectionKey, Function.identity(), (a, b) -> a));
        gates.prerequisites().forEach((gated, prerequisite) -> {
            if (!visible.containsKey(gated)) {
                return;
            }
            SubsectionDefinition required = visible.get(prerequisite.subsection());
            if (required == null) {
                standings.add(new Standing(Kind.PREREQUISITE, gated, prerequisite.subsection(), true, 0, 0));
                return;
            }
            SubsectionGrade score = grades.get(required.key());
            double percent = score == null ? 0 : percent(score);
            double completion = completion(List.of(required), scores);
            standings.add(new Standing(Kind.PREREQUISITE, gated, required.key(),
                    percent >= prerequisite.minScore() && completion >= prerequisite.minCompletion(), percent,
                    completion));
        });
        Gates.EntranceExam exam = gates.entranceExam();
        if (exam != null) {
            standings.add(entranceExam(theirs, exam, grades, scores, examPassedBefore));
        }
        return standings;
    }

    private static Standing entranceExam(CourseStructure theirs, Gates.EntranceExam exam,
            Map<String, SubsectionGrade> grades, Map<String, ProblemScore> scores, boolean passedBefore) {
        boolean seen = theirs.chapters().stream().anyMatch(c -> c.key().equals(exam.chapter()));
        List<SubsectionDefinition> inExam = theirs.subsections().stream()
                .filter(s -> exam.chapter().equals(s.chapter())).toList();
        double earned = 0;
        double possible = 0;
        for (SubsectionDefinition subsection : inExam) {
            SubsectionGrade grade = grades.get(subsection.key());
            if (grade != null) {
                earned += grade.earnedAll();
                possible += grade.possibleAll();
            }
        }
        double percent = possible > 0 ? earned * 100 / possible : 0;
        return new Standing(Kind.ENTRANCE_EXAM, exam.chapter(), exam.chapter(),
                passedBefore || !seen || percent >= exam.minScore(), percent, completion(inExam, scores));
    }

    /**
     * The subsections of {@code theirs} locked for a learner who fulfils {@code fulfilled} (gate keys): while the
     * entrance exam is not passed, every subsection outside the exam chapter; otherwise each gated subsection whose
     * prerequisite is not fulfilled. Subsection key to what opens it, in course order.
     */
    public static Map<String, Lock> locks(CourseStructure theirs, Set<String> fulfilled) {
        Map<String, Lock> locks = new LinkedHashMap<>();
        Gates gates = theirs.gates();
        if (gates.isEmpty()) {
            return locks;
        }
        Gates.EntranceExam exam = gates.entranceExam();
        boolean examPending = exam != null && !fulfilled.contains(exam.chapter())
                && theirs.chapters().stream().anyMatch(c -> c.key().equals(exam.chapter()));
        Map<String, String> names = new HashMap<>();
        theirs.chapters().forEach(c -> names.put(c.key(), c.displayName()));
        theirs.subsections().forEach(s -> names.put(s.key(), s.displayName()));
        for (SubsectionDefinition subsection : theirs.subsections()) {
            Gates.Prerequisite prerequisite = gates.prerequisites().get(subsection.key());
            if (examPending && !exam.chapter().equals(subsection.chapter())) {
                locks.put(subsection.key(), new Lock(Kind.ENTRANCE_EXAM, exam.chapter(), names.get(exam.chapter()),
                        exam.minScore(), 0));
            } else if (prerequisite != null && names.containsKey(prerequisite.subsection())
                    && !fulfilled.contains(subsection.key())) {
                locks.put(subsection.key(), new Lock(Kind.PREREQUISITE, prerequisite.subsection(),
                        names.get(prerequisite.subsection()), prerequisite.minScore(), prerequisite.minCompletion()));
            }
        }
        return locks;
    }

    /** Graded points when the subsection has any, all of them otherwise; 0 to 100 (more with extra credit). */
    private static double percent(SubsectionGrade grade) {
        if (grade.possibleGraded() > 0) {
            return grade.earnedGraded() * 100 / grade.possibleGraded();
        }
        return grade.possibleAll() > 0 ? grade.earnedAll() * 100 / grade.possibleAll() : 0;
    }

    /**
     * Problems with a score (a reset leaves none) of all problems of the subsections, as a percent, as the learner's
     * outline counts completion; 100 when they have none.
     */
    private static double completion(List<SubsectionDefinition> subsections, Map<String, ProblemScore> scores) {
        int problems = 0;
        int attempted = 0;
        for (SubsectionDefinition subsection : subsections) {
            for (ProblemDefinition problem : subsection.problems()) {
                problems++;
                ProblemScore score = scores.get(problem.key());
                if (score != null && !score.isReset()) {
                    attempted++;
                }
            }
        }
        return problems == 0 ? 100 : attempted * 100.0 / problems;
    }
}
