package io.openlearn.grades.testing;

import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.testkit.EnrollmentGroups;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What content-repository, course-authoring, enrollment and submission would answer, for module tests (those
 * services do not run here). Shaped by their contracts in {@link UpstreamStub}.
 */
@Singleton
public class Upstreams {

    public final Map<String, List<CourseStructure>> structures = new ConcurrentHashMap<>();
    public final Map<String, List<GradingPolicy>> policies = new ConcurrentHashMap<>();
    public final Map<String, Instant> ends = new ConcurrentHashMap<>();
    public final Map<String, Instant> starts = new ConcurrentHashMap<>();
    public final Map<String, Integer> daysEarlyForBeta = new ConcurrentHashMap<>();
    public final java.util.Set<String> publicOutline = ConcurrentHashMap.newKeySet();
    /** submission's extensions by "course|learner": subsection key to the extended due date. */
    public final Map<String, Map<String, Instant>> extensions = new ConcurrentHashMap<>();
    public final Map<String, List<UUID>> rosters = new ConcurrentHashMap<>();
    /** course key | cohort id to its members, as enrollment lists them. */
    public final Map<String, List<UUID>> cohorts = new ConcurrentHashMap<>();
    /** enrollment's groups by "course|learner": (partition id, group id) pairs; audit's track group when absent. */
    public final Map<String, List<Map<String, Integer>>> groups = new ConcurrentHashMap<>();
    public final List<String> rescores = new CopyOnWriteArrayList<>();
    /** submission's latest score per (learner, problem) of a course, as its scores endpoint pages them. */
    public final Map<String, List<Map<String, Object>>> latestScores = new ConcurrentHashMap<>();

    /** Publishes a new structure version (1, 2, ...) of the course. */
    public synchronized CourseStructure publish(String courseKey, List<SubsectionDefinition> subsections) {
        List<CourseStructure> versions = structures.computeIfAbsent(courseKey, k -> new CopyOnWriteArrayList<>());
        CourseStructure structure = new CourseStructure(courseKey, versions.size() + 1, subsections);
        versions.add(structure);
        return structure;
    }

    /** Publishes a new version with chapters (their sections name them in {@code chapter}). */
    public synchronized CourseStructure publish(String courseKey,
            List<io.openlearn.grades.domain.ChapterDefinition> chapters, List<SubsectionDefinition> subsections) {
        List<CourseStructure> versions = structures.computeIfAbsent(courseKey, k -> new CopyOnWriteArrayList<>());
        CourseStructure structure = new CourseStructure(courseKey, versions.size() + 1, chapters, subsections);
        versions.add(structure);
        return structure;
    }

    /** Publishes a new version with chapters and gates. */
    public synchronized CourseStructure publish(String courseKey,
            List<io.openlearn.grades.domain.ChapterDefinition> chapters, List<SubsectionDefinition> subsections,
            io.openlearn.grades.domain.Gates gates) {
        List<CourseStructure> versions = structures.computeIfAbsent(courseKey, k -> new CopyOnWriteArrayList<>());
        CourseStructure structure = new CourseStructure(courseKey, versions.size() + 1, chapters, subsections, gates);
        versions.add(structure);
        return structure;
    }

    /** Stores a new policy version (1, 2, ...) of the course. */
    public synchronized GradingPolicy policy(String courseKey, List<AssignmentType> types,
            Map<String, Double> cutoffs) {
        List<GradingPolicy> versions = policies.computeIfAbsent(courseKey, k -> new CopyOnWriteArrayList<>());
        GradingPolicy policy = new GradingPolicy(versions.size() + 1, types, new LinkedHashMap<>(cutoffs));
        versions.add(policy);
        return policy;
    }

    /** Puts a learner in groups (partition id, group id pairs) instead of the audit track alone. */
    public void inGroups(String courseKey, UUID learner, int... partitionAndGroup) {
        groups.put(courseKey + "|" + learner, EnrollmentGroups.of(partitionAndGroup));
    }

    public List<Map<String, Integer>> groupsOf(String courseKey, UUID learner) {
        return groups.getOrDefault(courseKey + "|" + learner, EnrollmentGroups.AUDIT);
    }

    public void enroll(String courseKey, List<UUID> learners) {
        rosters.computeIfAbsent(courseKey, k -> new CopyOnWriteArrayList<>()).addAll(learners);
    }

    public void inCohort(String courseKey, UUID cohort, List<UUID> members) {
        cohorts.put(courseKey + "|" + cohort, List.copyOf(members));
    }

    public void end(String courseKey, Instant end) {
        ends.put(courseKey, end);
    }

    public List<String> rescores() {
        return new ArrayList<>(rescores);
    }

    /** A small graded course: one Homework subsection with the given problems (max score 1 each). */
    public static List<SubsectionDefinition> homework(String... problemKeys) {
        List<ProblemDefinition> problems = new ArrayList<>();
        for (String key : problemKeys) {
            problems.add(new ProblemDefinition(key, 1, null));
        }
        return List.of(new SubsectionDefinition("block-v1:hw1", "Homework 1", true, "Homework", null, problems));
    }
}
