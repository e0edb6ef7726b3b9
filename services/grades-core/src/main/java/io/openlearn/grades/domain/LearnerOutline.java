package io.openlearn.grades.domain;

import io.openlearn.kit.courseware.LearnerAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The course outline a learner UI builds its navigation from (modelled on Open edX's learning-sequences outline):
 * chapters and their subsections in course order, each with its release date, due date (after the learner's
 * extension), format, graded flag, whether it is released and open now, and the learner's score and completion.
 * <ul>
 *   <li>Released means the release date (inherited from the chapter) is not after the learner's horizon: now, or now
 *   plus a beta tester's head start.</li>
 *   <li>Open means released and not hidden: a {@code hideAfterDue} subsection closes once its due date (the learner's
 *   own) has passed, and stays listed, as in Open edX.</li>
 *   <li>Unreleased chapters and subsections are listed (without scores) only when the course shows its outline;
 *   otherwise they are left out.</li>
 *   <li>A learner's view leaves out the chapters and subsections their groups do not pass, as Open edX does.</li>
 *   <li>A released subsection a gate locks for the learner ({@link GateRule#locks}: an entrance exam not passed
 *   yet, a prerequisite not reached) is listed closed, with what opens it ({@code locked}).</li>
 * </ul>
 */
public final class LearnerOutline {

    public record Score(double earned, double possible, double percent) {
    }

    /** Problems of the subsection the learner has a score on, of all its problems. */
    public record Completion(int attempted, int problems) {
    }

    /**
     * Why a sequence stays closed although released, and what opens it: {@code requires} (a subsection, or the
     * entrance exam's chapter) reaching {@code minScore} percent and {@code minCompletion} percent attempted.
     */
    public record Locked(String kind, String requires, String requiresName, double minScore, double minCompletion) {
    }

    public record Sequence(String key, String displayName, Instant start, Instant due, boolean dueExtended,
            String format, boolean graded, boolean hideAfterDue, boolean released, boolean open, Score score,
            Completion completion, Locked locked) {
    }

    public record Chapter(String key, String displayName, Instant start, boolean released, List<Sequence> sequences) {
    }

    /**
     * What one learner brings: their access facts, extensions, stored grades and scores, and the gates they fulfil
     * ({@code null}: gates do not apply, as in the team's preview).
     */
    public record LearnerFacts(LearnerAccess access, Map<String, Instant> extensions,
            Map<String, SubsectionGrade> grades, Map<String, ProblemScore> scores, Set<String> gates) {

        /** Facts to which gates do not apply. */
        public LearnerFacts(LearnerAccess access, Map<String, Instant> extensions,
                Map<String, SubsectionGrade> grades, Map<String, ProblemScore> scores) {
            this(access, extensions, grades, scores, null);
        }
    }

    private LearnerOutline() {
    }

    /**
     * @param learnersOrFull the learners' structure (staff-only blocks removed) for LEARNER and CATALOG, the full
     *                  one for STAFF; a LEARNER view keeps only what the learner's groups pass
     * @param listUnreleased whether the course shows its outline (unreleased parts listed without scores)
     */
    public static List<Chapter> build(CourseStructure learnersOrFull, OutlineView view, LearnerFacts facts,
            boolean listUnreleased, Instant now) {
        CourseStructure structure = ofLearner(learnersOrFull, view, facts);
        Instant horizon = facts.access() == null ? now : facts.access().horizon(now);
        Map<String, List<Sequence>> byChapter = new LinkedHashMap<>();
        Map<String, ChapterDefinition> chapters = new LinkedHashMap<>();
        structure.chapters().forEach(c -> chapters.put(c.key(), c));
        Map<String, Locked> locks = locks(structure, view, facts);
        for (SubsectionDefinition subsection : structure.subsections()) {
            Sequence sequence = sequence(subsection, view, facts, horizon, now, locks.get(subsection.key()));
            if (sequence.released() || view != OutlineView.LEARNER || listUnreleased) {
                byChapter.computeIfAbsent(subsection.chapter(), k -> new ArrayList<>()).add(sequence);
            }
        }
        List<Chapter> outline = new ArrayList<>();
        for (ChapterDefinition chapter : chapters.values()) {
            boolean released = released(chapter.start(), view, horizon);
            if (released || view != OutlineView.LEARNER || listUnreleased) {
                outline.add(new Chapter(chapter.key(), chapter.displayName(), chapter.start(), released,
                        List.copyOf(byChapter.getOrDefault(chapter.key(), List.of()))));
            }
            byChapter.remove(chapter.key());
        }
        // subsections of a version published without chapter facts: one untitled chapter, in course order
        byChapter.forEach((key, sequences) -> outline.add(new Chapter(key, null, null, true, List.copyOf(sequences))));
        return outline;
    }

    /** In a learner's view, the subsections their unfulfilled gates lock, with the names of what opens them. */
    private static Map<String, Locked> locks(CourseStructure structure, OutlineView view, LearnerFacts facts) {
        if (view != OutlineView.LEARNER || facts.gates() == null || structure.gates().isEmpty()) {
            return Map.of();
        }
        Map<String, Locked> locks = new HashMap<>();
        GateRule.locks(structure, facts.gates()).forEach((key, lock) -> locks.put(key, new Locked(
                lock.kind().label(), lock.requires(), lock.requiresName(), lock.minScore(), lock.minCompletion())));
        return locks;
    }

    /** A learner's view leaves out what their groups do not pass; the team's preview and the catalog do not. */
    private static CourseStructure ofLearner(CourseStructure structure, OutlineView view, LearnerFacts facts) {
        if (view != OutlineView.LEARNER || facts.access() == null || facts.access().groups() == null) {
            return structure;
        }
        return VisibleBlocks.forLearner(structure, facts.access().groups());
    }

    /**
     * The first instant after {@code now} at which the clock alone changes this outline: a chapter's or
     * subsection's release date reaching the learner's horizon, or a hide-after-due subsection's (extended) due date
     * passing. {@link Instant#MAX} when nothing is due to change.
     */
    public static Instant nextChange(CourseStructure learnersOrFull, OutlineView view, LearnerFacts facts,
            Instant now) {
        if (view == OutlineView.STAFF) {
            return Instant.MAX;
        }
        CourseStructure structure = ofLearner(learnersOrFull, view, facts);
        Duration headStart = facts.access() == null ? Duration.ZERO
                : Duration.between(now, facts.access().horizon(now));
        Instant next = Instant.MAX;
        for (ChapterDefinition chapter : structure.chapters()) {
            next = earliest(next, releaseMoment(chapter.start(), headStart, now));
        }
        for (SubsectionDefinition subsection : structure.subsections()) {
            next = earliest(next, releaseMoment(subsection.start(), headStart, now));
            Instant extended = facts.extensions().get(subsection.key());
            Instant due = extended != null ? extended : subsection.due();
            if (subsection.hideAfterDue() && due != null && due.isAfter(now)) {
                next = earliest(next, due);
            }
        }
        return next;
    }

    private static Instant releaseMoment(Instant start, Duration headStart, Instant now) {
        if (start == null) {
            return Instant.MAX;
        }
        Instant moment = start.minus(headStart);
        return moment.isAfter(now) ? moment : Instant.MAX;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Sequence sequence(SubsectionDefinition subsection, OutlineView view, LearnerFacts facts,
            Instant horizon, Instant now, Locked locked) {
        Instant extended = facts.extensions().get(subsection.key());
        Instant due = extended != null ? extended : subsection.due();
        boolean released = released(subsection.start(), view, horizon);
        boolean hidden = subsection.hideAfterDue() && due != null && now.isAfter(due);
        boolean open = switch (view) {
            case STAFF -> true;
            case CATALOG -> false;
            case LEARNER -> released && !hidden && locked == null;
        };
        boolean scored = view != OutlineView.CATALOG && released;
        return new Sequence(subsection.key(), subsection.displayName(), subsection.start(), due, extended != null,
                subsection.format(), subsection.graded(), subsection.hideAfterDue(), released, open,
                scored ? score(subsection, facts) : null, scored ? completion(subsection, facts) : null,
                released ? locked : null);
    }

    private static boolean released(Instant start, OutlineView view, Instant horizon) {
        return view == OutlineView.STAFF || start == null || !start.isAfter(horizon);
    }

    /**
     * The stored grade (an override included); before the worker graded the learner, what their scores give. Graded
     * subsections show their graded points, ungraded ones all their points.
     */
    private static Score score(SubsectionDefinition subsection, LearnerFacts facts) {
        SubsectionGrade grade = facts.grades().get(subsection.key());
        if (grade == null) {
            grade = SubsectionGradeCalculator.grade(subsection, facts.scores(), null);
        }
        if (subsection.graded()) {
            return new Score(grade.earnedGraded(), grade.possibleGraded(), grade.percent());
        }
        return new Score(grade.earnedAll(), grade.possibleAll(),
                Rounding.subsectionPercent(grade.earnedAll(), grade.possibleAll()));
    }

    private static Completion completion(SubsectionDefinition subsection, LearnerFacts facts) {
        int attempted = 0;
        for (ProblemDefinition problem : subsection.problems()) {
            ProblemScore score = facts.scores().get(problem.key());
            if (score != null && !score.isReset()) {
                attempted++;
            }
        }
        return new Completion(attempted, subsection.problems().size());
    }
}
