package io.openlearn.gradesworker.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openlearn.events.CohortMembershipChanged;
import io.openlearn.events.ContentCoursePublished;
import io.openlearn.events.CourseGradingPolicyChanged;
import io.openlearn.events.EnrollmentChanged;
import io.openlearn.events.Events;
import io.openlearn.events.GradeOverrideChanged;
import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.CourseGrade;
import io.openlearn.grades.domain.CourseGradeCalculator;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GateRule;
import io.openlearn.grades.domain.Gates;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.ProblemScore;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionGrade;
import io.openlearn.grades.domain.SubsectionOverride;
import io.openlearn.grades.domain.VisibleBlocks;
import io.openlearn.grades.testing.EventPublisher;
import io.openlearn.grades.testing.GradesDb;
import io.openlearn.grades.testing.Upstreams;
import io.openlearn.kit.courseware.GroupAccess;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The invariant of the design: whatever the order and repetition of events, and even when a worker dies in the
 * middle of a batch, once the queues have drained every persisted grade equals a from-scratch recomputation. The
 * recomputation here does not read anything the worker wrote: it grades the test's own record of the final scores,
 * overrides, structure, policy and each learner's final groups (cohort content group and enrollment track), on the
 * blocks those groups pass.
 */
@QuarkusTest
class GradingInvariantTest {

    private static final String[] FORMATS = {"Homework", "Lab", "Exam"};

    @Inject
    Upstreams upstreams;
    @Inject
    GradesDb db;
    @Inject
    MeterRegistry registry;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 42, 2026})
    void persistedGradesEqualARecomputationAfterDuplicatesReorderingAPolicyChangeAPublishAndACrashedSlice(long seed)
            throws Exception {
        Random random = new Random(seed);
        String course = "course-v1:Inv+S" + seed + "x" + UUID.randomUUID().toString().substring(0, 6) + "+2026";
        List<UUID> learners = new ArrayList<>();
        for (int i = 0, n = 15 + random.nextInt(15); i < n; i++) {
            learners.add(UUID.randomUUID());
        }
        upstreams.enroll(course, learners);
        Map<UUID, Set<GroupAccess.Group>> finalGroups = new HashMap<>();
        for (UUID learner : learners) {
            finalGroups.put(learner, randomGroups(random));
            upstreams.inGroups(course, learner, pairs(finalGroups.get(learner)));
        }
        CourseStructure first = upstreams.publish(course, randomSubsections(random, "v1"));
        upstreams.policy(course, randomTypes(random), Map.of("A", 0.8, "B", 0.6, "C", 0.4));
        crashSecondSliceOnce(course);

        List<EventPublisher.Event> stream = new ArrayList<>();
        Map<UUID, Map<String, long[]>> sequences = new HashMap<>();
        Map<UUID, Map<String, ProblemScore>> finalScores = new HashMap<>();
        List<String> everyProblem = new ArrayList<>(problemKeys(first));
        List<SubsectionDefinition> secondSubsections = withChangedProblems(random, first);
        CourseStructure second = new CourseStructure(course, 2, List.of(), secondSubsections,
                randomPrerequisites(random, secondSubsections));
        problemKeys(second).stream().filter(k -> !everyProblem.contains(k)).forEach(everyProblem::add);
        for (UUID learner : learners) {
            for (String problem : everyProblem) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                for (int attempt = 0, n = 1 + random.nextInt(3); attempt < n; attempt++) {
                    long sequence = sequences.computeIfAbsent(learner, l -> new HashMap<>())
                            .computeIfAbsent(problem, p -> new long[1])[0] += 1;
                    boolean reset = random.nextInt(10) == 0;
                    double possible = reset ? 0 : 1 + random.nextInt(4);
                    double earned = reset ? 0 : random.nextInt((int) possible + 1);
                    stream.add(reset ? EventPublisher.reset(course, learner, problem, sequence, false)
                            : EventPublisher.scored(course, learner, problem, earned, possible, sequence));
                    finalScores.computeIfAbsent(learner, l -> new HashMap<>()).put(problem,
                            new ProblemScore(earned, possible));
                }
            }
        }
        // duplicates (a relay's resend) and reordering (several consumers, redeliveries)
        List<EventPublisher.Event> deliveries = new ArrayList<>(stream);
        for (int i = 0; i < stream.size() / 5; i++) {
            deliveries.add(stream.get(random.nextInt(stream.size())));
        }
        Collections.shuffle(deliveries, random);

        Map<UUID, Map<String, SubsectionOverride>> overrides = new HashMap<>();
        UUID overridden = learners.get(random.nextInt(learners.size()));
        String overriddenSubsection = second.subsections().get(0).key();
        overrides.put(overridden, Map.of(overriddenSubsection, new SubsectionOverride(3.0, 4.0, null, null)));

        long handledBefore = handled();
        int published = 0;
        try (EventPublisher events = new EventPublisher()) {
            int third = deliveries.size() / 3;
            for (int i = 0; i < deliveries.size(); i++) {
                if (i == deliveries.size() / 2) {
                    published += moveSomeLearners(random, course, learners, finalGroups, events);
                }
                if (i == third) {
                    upstreams.policy(course, randomTypes(random), Map.of("Pass", 0.5));
                    events.publish(EventPublisher.event(Events.COURSE_GRADING_POLICY_CHANGED,
                            new CourseGradingPolicyChanged(course, 2, "h2")));
                }
                if (i == 2 * third) {
                    upstreams.publish(course, List.of(), second.subsections(), second.gates());
                    events.publish(EventPublisher.event(Events.CONTENT_COURSE_PUBLISHED, new ContentCoursePublished(
                            course, 2, Instant.parse("2026-11-26T00:00:00Z"), true, "d2", 10)));
                    db.execute("INSERT INTO grade_override (id, course_key, user_id, subsection_key, earned_graded,"
                            + " possible_graded, reason, created_by, created_at) VALUES (?, ?, ?, ?, 3, 4, 'test',"
                            + " 'staff', now())", UUID.randomUUID(), course, overridden, overriddenSubsection);
                    events.publish(EventPublisher.event(Events.GRADE_OVERRIDE_CHANGED, new GradeOverrideChanged(
                            course, overridden, overriddenSubsection, UUID.randomUUID(),
                            GradeOverrideChanged.Action.set, false)));
                    published++;
                }
                events.publish(deliveries.get(i));
                published++;
            }
        }
        awaitDrained(handledBefore + published, course);

        GradingPolicy policy = upstreams.policies.get(course).get(1);
        assertEquals(1L, db.rows("SELECT count(*) FROM grade_job WHERE course_key = ? AND cause_kind = 'policy'"
                + " AND state = 'done'", course).get(0)[0]);
        assertTrue(db.rows("SELECT nextval('fault_" + suffix(course) + "')").get(0)[0] instanceof Long used
                && used > 2, "the injected crash fired");
        int checked = 0;
        for (UUID learner : learners) {
            CourseStructure theirs = VisibleBlocks.forLearner(VisibleBlocks.forLearners(second),
                    finalGroups.get(learner));
            CourseGrade expected = CourseGradeCalculator.grade(theirs, policy,
                    finalScores.getOrDefault(learner, Map.of()), overrides.getOrDefault(learner, Map.of()));
            List<Object[]> course_ = db.rows("SELECT percent, letter_grade, passed FROM course_grade"
                    + " WHERE course_key = ? AND user_id = ?", course, learner);
            assertEquals(1, course_.size(), "a course grade for every enrolled learner");
            assertEquals(List.of(expected.percent(), String.valueOf(expected.letterGrade()), expected.passed()),
                    List.of(course_.get(0)[0], String.valueOf(course_.get(0)[1]), course_.get(0)[2]),
                    "course grade of " + learner);
            Map<String, Object[]> stored = new TreeMap<>();
            db.rows("SELECT subsection_key, earned_graded, possible_graded, earned_all, possible_all, percent"
                    + " FROM subsection_grade WHERE course_key = ? AND user_id = ?", course, learner)
                    .forEach(row -> stored.put((String) row[0], row));
            assertEquals(expected.subsections().size(), stored.size(), "one row per current subsection");
            for (SubsectionGrade grade : expected.subsections()) {
                Object[] row = stored.get(grade.subsectionKey());
                assertEquals(List.of(grade.earnedGraded(), grade.possibleGraded(), grade.earnedAll(),
                        grade.possibleAll(), grade.percent()), List.of(row[1], row[2], row[3], row[4], row[5]),
                        grade.subsectionKey() + " of " + learner);
                checked++;
            }
        }
        assertTrue(checked > learners.size());
        assertGatesEqualARecomputation(course, learners, second, policy, finalGroups, finalScores, overrides);
    }

    /** Every learner's stored gates are exactly those a recomputation on their final grade fulfils. */
    private void assertGatesEqualARecomputation(String course, List<UUID> learners, CourseStructure second,
            GradingPolicy policy, Map<UUID, Set<GroupAccess.Group>> finalGroups,
            Map<UUID, Map<String, ProblemScore>> finalScores, Map<UUID, Map<String, SubsectionOverride>> overrides) {
        for (UUID learner : learners) {
            CourseStructure theirs = VisibleBlocks.forLearner(VisibleBlocks.forLearners(second),
                    finalGroups.get(learner));
            Map<String, ProblemScore> scores = finalScores.getOrDefault(learner, Map.of());
            CourseGrade grade = CourseGradeCalculator.grade(theirs, policy, scores,
                    overrides.getOrDefault(learner, Map.of()));
            Set<String> expected = GateRule.evaluate(theirs, grade, scores, false).stream()
                    .filter(GateRule.Standing::fulfilled).map(GateRule.Standing::gate).collect(Collectors.toSet());
            Set<String> stored = db.rows("SELECT gate_key FROM gate_fulfilment WHERE course_key = ? AND user_id = ?",
                    course, learner).stream().map(row -> (String) row[0]).collect(Collectors.toSet());
            assertEquals(expected, stored, "fulfilled gates of " + learner);
        }
    }

    /** Version 2's gates: about half its subsections (not the first) require an earlier one's score. */
    private static Gates randomPrerequisites(Random random, List<SubsectionDefinition> subsections) {
        double[] minimums = {0, 30, 50, 70, 100};
        double[] completions = {0, 0, 50, 100};
        Map<String, Gates.Prerequisite> prerequisites = new HashMap<>();
        for (int s = 1; s < subsections.size(); s++) {
            if (random.nextBoolean()) {
                prerequisites.put(subsections.get(s).key(), new Gates.Prerequisite(
                        subsections.get(random.nextInt(s)).key(), minimums[random.nextInt(minimums.length)],
                        completions[random.nextInt(completions.length)]));
            }
        }
        return new Gates(prerequisites, null);
    }

    /** Content group 101/1, 101/2 or none, and the audit (50/1) or verified (50/2) track. */
    private static Set<GroupAccess.Group> randomGroups(Random random) {
        Set<GroupAccess.Group> groups = new HashSet<>();
        groups.add(new GroupAccess.Group(50, 1 + random.nextInt(2)));
        int cohort = random.nextInt(3);
        if (cohort > 0) {
            groups.add(new GroupAccess.Group(101, cohort));
        }
        return groups;
    }

    private static int[] pairs(Set<GroupAccess.Group> groups) {
        return groups.stream().flatMapToInt(g -> IntStream.of(g.partitionId(), g.groupId()))
                .toArray();
    }

    /**
     * Moves about a third of the learners to other groups, as enrollment would: the new groups first, then the event
     * (a cohort move, or a mode change when only the track changed). Returns the number of events published.
     */
    private int moveSomeLearners(Random random, String course, List<UUID> learners,
            Map<UUID, Set<GroupAccess.Group>> finalGroups, EventPublisher events) throws Exception {
        int published = 0;
        for (UUID learner : learners) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            Set<GroupAccess.Group> before = finalGroups.get(learner);
            Set<GroupAccess.Group> after = randomGroups(random);
            finalGroups.put(learner, after);
            upstreams.inGroups(course, learner, pairs(after));
            if (cohortOf(before) == cohortOf(after)) {
                events.publish(EventPublisher.event(Events.ENROLLMENT_CHANGED, new EnrollmentChanged(learner, course,
                        EnrollmentChanged.Change.mode_changed, "verified", "audit", true)));
            } else {
                Integer group = cohortOf(after);
                events.publish(EventPublisher.event(Events.COHORT_MEMBERSHIP_CHANGED, new CohortMembershipChanged(
                        learner, course, UUID.randomUUID(), "Cohort " + group, null, group == null ? null : 101,
                        group, null, null, CohortMembershipChanged.Cause.manual)));
            }
            published++;
        }
        return published;
    }

    private static Integer cohortOf(Set<GroupAccess.Group> groups) {
        return groups.stream().filter(g -> g.partitionId() == 101).map(GroupAccess.Group::groupId).findFirst()
                .orElse(null);
    }

    private void awaitDrained(long handledTarget, String course) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            // the publish's job is created only after the policy job has finished (one BATCH consumer runs a job
            // to its end), so "every job done" holds too early unless both jobs are required to exist
            boolean jobsDone = db.rows("SELECT 1 FROM grade_job WHERE course_key = ? AND state <> 'done'", course)
                    .isEmpty()
                    && db.rows("SELECT DISTINCT cause_kind FROM grade_job WHERE course_key = ?"
                            + " AND cause_kind IN ('policy', 'publish')", course).size() == 2;
            if (handled() >= handledTarget && jobsDone) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("queues did not drain: handled " + handled() + " of " + handledTarget);
    }

    private long handled() {
        return registry.find("grades.worker.handled").tag("outcome", "ok").timers().stream()
                .filter(t -> "grades.stream".equals(t.getId().getTag("queue"))).mapToLong(Timer::count).sum();
    }

    /** Fails the commit of the job's slice 1 once, as a worker killed before committing it would. */
    private void crashSecondSliceOnce(String course) {
        String sequence = "fault_" + suffix(course);
        db.execute("CREATE SEQUENCE " + sequence);
        db.execute("CREATE OR REPLACE FUNCTION " + sequence + "_fn() RETURNS trigger AS $$ BEGIN"
                + " IF NEW.slice_no = 1 AND NEW.done AND EXISTS (SELECT 1 FROM grade_job j WHERE j.id = NEW.job_id"
                + " AND j.course_key = '" + course + "') AND nextval('" + sequence + "') = 1 THEN"
                + " RAISE EXCEPTION 'simulated worker crash before the slice commit'; END IF; RETURN NEW; END $$"
                + " LANGUAGE plpgsql");
        db.execute("CREATE TRIGGER " + sequence + "_trg BEFORE UPDATE ON grade_job_slice FOR EACH ROW EXECUTE"
                + " FUNCTION " + sequence + "_fn()");
    }

    private static String suffix(String course) {
        return course.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    }

    private static List<String> problemKeys(CourseStructure structure) {
        return structure.subsections().stream().flatMap(s -> s.problems().stream()).map(ProblemDefinition::key)
                .toList();
    }

    private static List<SubsectionDefinition> randomSubsections(Random random, String tag) {
        List<SubsectionDefinition> subsections = new ArrayList<>();
        for (int s = 0, n = 3 + random.nextInt(5); s < n; s++) {
            List<ProblemDefinition> problems = new ArrayList<>();
            for (int p = 0, m = 1 + random.nextInt(5); p < m; p++) {
                // visibility in play: some problems are for staff only and count in no learner's grade
                // and groups: some problems are for verified learners only (track partition 50, group 2)
                problems.add(new ProblemDefinition("p-" + tag + "-" + s + "-" + p, 1 + random.nextInt(4),
                        random.nextBoolean() ? null : (double) (1 + random.nextInt(10)), random.nextInt(6) == 0,
                        random.nextInt(6) == 0 ? GroupAccess.of(Map.of(50, List.of(2))) : GroupAccess.OPEN));
            }
            boolean graded = random.nextInt(5) > 0;
            // a subsection released tomorrow still counts (0 until answered); a staff-only one does not
            Instant start = random.nextInt(4) == 0 ? Instant.now().plus(Duration.ofDays(1)) : null;
            // a subsection for one cohort's content group counts only for the learners in it
            GroupAccess access = random.nextInt(4) == 0 ? GroupAccess.of(Map.of(101, List.of(1 + random.nextInt(2))))
                    : GroupAccess.OPEN;
            subsections.add(new SubsectionDefinition("seq-" + tag + "-" + s, null, graded,
                    graded ? FORMATS[random.nextInt(FORMATS.length)] : null, null, problems, null, start,
                    random.nextInt(7) == 0, false, access));
        }
        return subsections;
    }

    /** Version 2: the first subsection loses its last problem and a new graded subsection appears. */
    private static List<SubsectionDefinition> withChangedProblems(Random random, CourseStructure first) {
        List<SubsectionDefinition> subsections = new ArrayList<>(first.subsections());
        SubsectionDefinition head = subsections.get(0);
        List<ProblemDefinition> kept = head.problems().size() > 1
                ? head.problems().subList(0, head.problems().size() - 1) : head.problems();
        subsections.set(0, new SubsectionDefinition(head.key(), null, true, "Homework", null, kept));
        subsections.addAll(randomSubsections(random, "v2").subList(0, 1));
        return subsections;
    }

    private static List<AssignmentType> randomTypes(Random random) {
        List<AssignmentType> types = new ArrayList<>();
        for (String format : FORMATS) {
            types.add(new AssignmentType(format, random.nextInt(4), random.nextInt(2),
                    Math.round(random.nextDouble() * 60) / 100.0, null));
        }
        return types;
    }

}
