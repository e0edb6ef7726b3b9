package io.openlearn.gradesworker.service;

import io.openlearn.grades.client.LearnerGroupsClient;
import io.openlearn.grades.client.PolicyClient;
import io.openlearn.grades.client.StructureClient;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.grades.domain.CourseGrade;
import io.openlearn.grades.domain.CourseGradeCalculator;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GateRule;
import io.openlearn.grades.domain.Gates;
import io.openlearn.grades.domain.GradeFreeze;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.domain.ProblemScore;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.domain.SubsectionOverride;
import io.openlearn.grades.domain.VisibleBlocks;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.CourseState;
import io.openlearn.grades.repository.CourseStateRepository;
import io.openlearn.grades.repository.GateRepository;
import io.openlearn.grades.repository.GateRepository.StoredGate;
import io.openlearn.grades.repository.GradeChange;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.GroupsStampRepository;
import io.openlearn.grades.repository.OverrideRepository;
import io.openlearn.grades.repository.ScoreProjectionRepository;
import io.openlearn.grades.repository.StoredCourseGrade;
import io.openlearn.grades.repository.StoredSubsectionGrade;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.gradesworker.messaging.GradeEvents;
import io.openlearn.kit.courseware.GroupAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Recomputes the grades of some learners of one course, STREAM (one learner) and BATCH (a slice) alike, inside the
 * caller's transaction: lock the learners, read state, scores, overrides and stored grades with one query each,
 * compute with the engine, and write only what changed (grades, history, events) with one statement each. Writing
 * only changes makes a repeat harmless: a redelivered event or a redone slice finds nothing to change.
 * <p>
 * Each learner is graded on the blocks their groups pass ({@link VisibleBlocks#forLearner}); a course that restricts
 * nothing to groups is graded as one structure for all. In a course with gates, the same pass decides which gates
 * each learner fulfils ({@link GateRule}) from the grade just computed and writes the changes with their events
 * ({@link GateSettlement}); a course without gates reads and writes nothing for them.
 * <p>
 * No remote call runs while the learners are locked: what grading needs of content-repository, course-authoring
 * and enrollment (the course state of a course not seen yet, a structure or policy version not cached, the
 * learners' groups when the structure restricts blocks to groups) is read first
 * ({@link #prepare}), outside any transaction; {@link #inTransaction} then opens the transaction. When the stored
 * state moved in between (a policy change or publish committed), or a change of a learner's groups was handled in
 * between (their group stamp moved: the groups read may predate it), that transaction is rolled back, the reads are
 * done again and the transaction retried once.
 */
@ApplicationScoped
public class LearnerGrading {

    /** Transactions that find the course state moved since their reads (then redone with fresh reads). */
    static final int ATTEMPTS = 2;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection db, GradingBasis basis) throws SQLException;
    }

    private final Transactions transactions;
    private final CourseStateRepository stored;
    private final CourseStates states;
    private final StructureClient structures;
    private final PolicyClient policies;
    private final LearnerGroupsClient learnerGroups;
    private final ScoreProjectionRepository scores;
    private final OverrideRepository overrides;
    private final GradeRepository grades;
    private final GateRepository gates;
    private final GroupsStampRepository groupStamps;
    private final GradeEvents events;
    private final GradeFreeze freeze;
    private final Clock clock;

    public LearnerGrading(Transactions transactions, CourseStateRepository stored, CourseStates states,
            StructureClient structures, PolicyClient policies, LearnerGroupsClient learnerGroups,
            ScoreProjectionRepository scores, OverrideRepository overrides, GradeRepository grades,
            GateRepository gates, GroupsStampRepository groupStamps, GradeEvents events, GradingConfig config) {
        this.transactions = transactions;
        this.stored = stored;
        this.states = states;
        this.structures = structures;
        this.policies = policies;
        this.learnerGroups = learnerGroups;
        this.scores = scores;
        this.overrides = overrides;
        this.grades = grades;
        this.gates = gates;
        this.groupStamps = groupStamps;
        this.events = events;
        this.freeze = new GradeFreeze(config.freezeAfterEnd());
        this.clock = Clock.systemUTC();
    }

    /**
     * The upstream reads of a regrade of these learners, outside any transaction: the course state (stored now if
     * the worker had none), that state's structure and policy (cached per version, fetched on a miss) and, only when
     * the structure restricts blocks to groups, the learners' groups.
     */
    public GradingBasis prepare(String courseKey, Collection<UUID> learners) {
        Optional<CourseState> state = states.current(courseKey);
        if (state.isEmpty()) {
            return GradingBasis.unpublished(courseKey);
        }
        CourseStructure structure = structures.version(courseKey, state.get().contentVersion());
        GradingPolicy policy = policies.version(courseKey, state.get().policyVersion());
        if (!structure.restrictsGroups()) {
            return new GradingBasis(courseKey, state.get(), structure, policy, Map.of(), Map.of());
        }
        // the stamps first: a group change handled after this read shows under the lock (see regrade)
        Map<UUID, Long> stamps = transactions.read(db -> groupStamps.of(db, courseKey, learners));
        return new GradingBasis(courseKey, state.get(), structure, policy, learnerGroups.of(courseKey, learners),
                stamps);
    }

    /**
     * Whether the course is graded now on a structure that restricts blocks to groups, so that {@link #prepare} asks
     * enrollment for the learners' groups (and with them whether they are actively enrolled).
     */
    public boolean asksForGroups(String courseKey) {
        return states.current(courseKey)
                .map(state -> structures.version(courseKey, state.contentVersion()).restrictsGroups()).orElse(false);
    }

    /**
     * Records, in the transaction that grades a change of the learner's groups and after its own check, that such a
     * change was handled: a recompute that read the groups before it then starts over with fresh ones.
     */
    public void groupsChanged(Connection db, String courseKey, UUID learner) throws SQLException {
        groupStamps.bump(db, courseKey, learner);
    }

    /**
     * {@code work} in a new transaction with the course's basis read just before it; when the basis turns out stale
     * inside (see {@link #regrade}), read again and retry once.
     */
    public <T> T inTransaction(String courseKey, Collection<UUID> learners, Work<T> work) {
        for (int attempt = 1;; attempt++) {
            GradingBasis basis = prepare(courseKey, learners);
            try {
                return transactions.inNew(db -> work.run(db, basis));
            } catch (RuntimeException e) {
                if (!moved(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS) {
                    // retryable: the message goes back to its queue
                    throw new IllegalStateException("The course state of " + courseKey + " kept moving while it"
                            + " was graded", e);
                }
            }
        }
    }

    private static boolean moved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GradingBasis.Moved) {
                return true;
            }
        }
        return false;
    }

    /**
     * Grades the learners against {@code basis} inside the caller's transaction, with the learners locked. Throws
     * {@link GradingBasis.Moved} (rolling the transaction back) when the stored course state no longer names the
     * basis' versions; makes no remote call.
     */
    public GradeOutcome regrade(Connection db, GradingBasis basis, Collection<UUID> learners, Cause cause)
            throws SQLException {
        String courseKey = basis.courseKey();
        grades.lockLearners(db, courseKey, learners);
        Optional<CourseState> state = stored.find(db, courseKey);
        if (state.isEmpty() && !basis.published()) {
            return GradeOutcome.skipped(learners.size(), GradeOutcome.Skipped.NOT_PUBLISHED);
        }
        if (!basis.matches(state.orElse(null))) {
            throw new GradingBasis.Moved(courseKey);
        }
        CourseStructure structure = basis.structure();
        boolean restricted = structure.restrictsGroups();
        if (restricted && !basis.sameGroupStamps(groupStamps.of(db, courseKey, learners), learners)) {
            throw new GradingBasis.Moved(courseKey);
        }
        Instant now = clock.instant();
        if (!cause.byAdmin() && freeze.frozen(state.get().courseEnd(), now)) {
            return GradeOutcome.skipped(learners.size(), GradeOutcome.Skipped.FROZEN);
        }
        GradingPolicy policy = basis.policy();
        Map<UUID, Map<String, ProblemScore>> learnerScores = scores.ofLearners(db, courseKey, learners);
        Map<UUID, Map<String, SubsectionOverride>> learnerOverrides = overrides.ofLearners(db, courseKey, learners);
        Map<UUID, Map<String, StoredSubsectionGrade>> storedSubsections = grades.subsectionGrades(db, courseKey,
                learners);
        Map<UUID, StoredCourseGrade> storedCourses = grades.courseGrades(db, courseKey, learners);
        boolean gated = !structure.gates().isEmpty();
        Map<UUID, Map<String, StoredGate>> storedGates = gated ? gates.ofLearners(db, courseKey, learners) : Map.of();
        Gates.EntranceExam exam = structure.gates().entranceExam();
        GateSettlement settlement = new GateSettlement();

        // learners in the same groups see the same structure: each view (and its subsection keys) is made once
        Map<Set<GroupAccess.Group>, CourseStructure> views = new HashMap<>();
        Map<CourseStructure, Set<String>> keysOf = new IdentityHashMap<>();
        // learners who see the same subsections keep the same rows: one delete per such set, one for an open course
        Map<Set<String>, List<UUID>> bySubsections = new HashMap<>();
        Writes writes = new Writes();
        for (UUID learner : learners) {
            CourseStructure theirs = restricted ? views.computeIfAbsent(basis.groupsOf(learner),
                    groups -> VisibleBlocks.forLearner(structure, groups)) : structure;
            CourseGrade grade = CourseGradeCalculator.grade(theirs, policy,
                    learnerScores.getOrDefault(learner, Map.of()), learnerOverrides.getOrDefault(learner, Map.of()));
            collectSubsections(writes, learner, grade, storedSubsections.getOrDefault(learner, Map.of()),
                    state.get(), cause, now);
            collectCourse(writes, courseKey, learner, grade, storedCourses.get(learner), state.get(), cause, now);
            if (gated) {
                Map<String, StoredGate> before = storedGates.getOrDefault(learner, Map.of());
                settlement.settle(courseKey, learner, GateRule.evaluate(theirs, grade,
                        learnerScores.getOrDefault(learner, Map.of()), exam != null
                                && before.containsKey(exam.chapter())),
                        before, state.get().contentVersion(), cause, now);
            }
            bySubsections.computeIfAbsent(keysOf.computeIfAbsent(theirs, view -> view.subsections().stream()
                    .map(SubsectionDefinition::key).collect(Collectors.toSet())), k -> new ArrayList<>()).add(learner);
        }
        for (Map.Entry<Set<String>, List<UUID>> same : bySubsections.entrySet()) {
            Set<String> current = same.getKey();
            boolean goneSubsections = same.getValue().stream().map(l -> storedSubsections.getOrDefault(l, Map.of()))
                    .anyMatch(stored -> !current.containsAll(stored.keySet()));
            if (goneSubsections) {
                grades.deleteOtherSubsections(db, courseKey, same.getValue(), current);
            }
        }
        grades.writeSubsectionGrades(db, courseKey, writes.subsections);
        grades.writeCourseGrades(db, courseKey, writes.courses);
        grades.appendChanges(db, courseKey, writes.changes);
        gates.delete(db, courseKey, settlement.lost);
        gates.insert(db, courseKey, settlement.fulfilled);
        int published = events.publish(writes.changedCourses, settlement.events);
        return new GradeOutcome(learners.size(), writes.subsections.size(), writes.courses.size(), published,
                GradeOutcome.Skipped.NONE);
    }

    private static void collectSubsections(Writes writes, UUID learner, CourseGrade grade,
            Map<String, StoredSubsectionGrade> stored, CourseState state, Cause cause, Instant now) {
        for (SubsectionGrade subsection : grade.subsections()) {
            StoredSubsectionGrade before = stored.get(subsection.subsectionKey());
            if (before != null && before.grade().sameValues(subsection)
                    && before.grade().overridden() == subsection.overridden()) {
                continue;
            }
            writes.subsections.add(new StoredSubsectionGrade(learner, subsection, state.contentVersion(),
                    cause.kind(), cause.ref(), now));
            if (before == null || !before.grade().sameValues(subsection)) {
                SubsectionGrade old = before == null ? null : before.grade();
                writes.changes.add(new GradeChange(0, state.courseKey(), learner, subsection.subsectionKey(),
                        old == null ? null : old.percent(), subsection.percent(),
                        old == null ? null : old.earnedGraded(), subsection.earnedGraded(),
                        old == null ? null : old.possibleGraded(), subsection.possibleGraded(),
                        null, null, null, null, cause, now));
            }
        }
    }

    private static void collectCourse(Writes writes, String courseKey, UUID learner, CourseGrade grade,
            StoredCourseGrade before, CourseState state, Cause cause, Instant now) {
        if (before != null && grade.sameOutcome(before.percent(), before.letterGrade(), before.passed())) {
            return;
        }
        Instant firstPassed = before != null && before.firstPassedAt() != null ? before.firstPassedAt()
                : grade.passed() ? now : null;
        StoredCourseGrade after = new StoredCourseGrade(courseKey, learner, grade.percent(), grade.letterGrade(),
                grade.passed(), firstPassed, state.policyVersion(), state.contentVersion(), cause.kind(), cause.ref(),
                now);
        writes.courses.add(after);
        writes.changes.add(new GradeChange(0, courseKey, learner, null, before == null ? null : before.percent(),
                grade.percent(), null, null, null, null, before == null ? null : before.letterGrade(),
                grade.letterGrade(), before == null ? null : before.passed(), grade.passed(), cause, now));
        writes.changedCourses.add(new GradeEvents.CourseGradeChange(before, after, cause));
    }

    private static final class Writes {
        final List<StoredSubsectionGrade> subsections = new ArrayList<>();
        final List<StoredCourseGrade> courses = new ArrayList<>();
        final List<GradeChange> changes = new ArrayList<>();
        final List<GradeEvents.CourseGradeChange> changedCourses = new ArrayList<>();
    }
}
