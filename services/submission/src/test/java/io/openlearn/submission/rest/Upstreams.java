package io.openlearn.submission.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.testkit.EnrollmentGroups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the stubbed content-repository, course-authoring and enrollment answer, shaped as their contracts say.
 * Tests describe a course here; {@link UpstreamStub} serves it. A singleton, not a proxied bean: the stub reads its
 * maps directly.
 */
@jakarta.inject.Singleton
public class Upstreams {

    final Map<String, ObjectNode> runs = new ConcurrentHashMap<>();
    final Map<String, Long> grace = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> structures = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> problems = new ConcurrentHashMap<>();
    final Set<String> enrolled = ConcurrentHashMap.newKeySet();
    final Map<String, List<Map<String, Integer>>> groups = new ConcurrentHashMap<>();
    final Map<String, List<Map<String, Object>>> locks = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** A running course with one subsection holding one problem, as version {@code version}. */
    public void course(String courseKey, Instant due, String showCorrectness, long graceSeconds, int version,
            String itemKey, Map<String, Object> problem) {
        ObjectNode run = json.createObjectNode().put("courseKey", courseKey)
                .put("start", Instant.now().minusSeconds(86_400).toString());
        run.putNull("end");
        runs.put(courseKey, run);
        grace.put(courseKey, graceSeconds);
        publish(courseKey, due, showCorrectness, version, itemKey, problem);
    }

    public void publish(String courseKey, Instant due, String showCorrectness, int version, String itemKey,
            Map<String, Object> problem) {
        ObjectNode structure = json.createObjectNode().put("courseKey", courseKey).put("version", version);
        ArrayNode subsections = structure.putArray("subsections");
        ObjectNode subsection = subsections.addObject().put("key", subsectionOf(itemKey)).put("graded", true)
                .put("format", "Homework").put("showCorrectness", showCorrectness);
        if (due == null) {
            subsection.putNull("due");
        } else {
            subsection.put("due", due.toString());
        }
        subsection.putArray("problems").addObject().put("key", itemKey)
                .put("maxScore", ((Number) problem.getOrDefault("maxScore", 1)).doubleValue());
        structures.put(courseKey, structure);
        ObjectNode block = json.createObjectNode().put("key", itemKey).put("type", "problem").put("version", version);
        block.set("problem", json.valueToTree(problem));
        problems.put(courseKey + "|" + version + "|" + itemKey, block);
    }

    /** Marks the course's one problem as content would: its effective release date, and staff-only or not. */
    public void schedule(String courseKey, Instant release, boolean staffOnly) {
        ObjectNode problem = (ObjectNode) structures.get(courseKey).path("subsections").get(0).path("problems").get(0);
        if (release != null) {
            problem.put("start", release.toString());
        }
        problem.put("visibleToStaffOnly", staffOnly);
    }

    public void betaHeadStart(String courseKey, int days) {
        runs.get(courseKey).put("daysEarlyForBeta", days);
    }

    public void endCourse(String courseKey, Instant end) {
        runs.get(courseKey).put("end", end.toString());
    }

    /** Restricts the course's one problem to groups, as content's effective {@code groupAccess} would. */
    public void restrict(String courseKey, int partitionId, int... groupIds) {
        ObjectNode problem = (ObjectNode) structures.get(courseKey).path("subsections").get(0).path("problems").get(0);
        ArrayNode allowed = problem.putObject("groupAccess").putArray(String.valueOf(partitionId));
        for (int id : groupIds) {
            allowed.add(id);
        }
    }

    /** Gates the course's one subsection on {@code requires}, as content's structure would show it. */
    public void gate(String courseKey, String requires, double minScore) {
        ObjectNode subsection = (ObjectNode) structures.get(courseKey).path("subsections").get(0);
        subsection.putObject("prerequisite").put("subsection", requires).put("minScore", minScore);
    }

    /** What grades answers: the course's one subsection is locked for the learner until {@link #unlock}. */
    public void lock(UUID learner, String courseKey, String itemKey, String requires, double minScore) {
        locks.put(learner + "|" + courseKey, List.of(Map.of("subsectionKey", subsectionOf(itemKey), "kind",
                "prerequisite", "requires", requires, "requiresName", "Homework 1", "minScore", minScore,
                "minCompletion", 0.0)));
    }

    public void unlock(UUID learner, String courseKey) {
        locks.remove(learner + "|" + courseKey);
    }

    /** A learner's groups (partition id, group id pairs) instead of the audit track's alone. */
    public void inGroups(UUID learner, String courseKey, int... partitionAndGroup) {
        groups.put(learner + "|" + courseKey, EnrollmentGroups.of(partitionAndGroup));
    }

    List<Map<String, Integer>> groupsOf(UUID learner, String courseKey) {
        return groups.getOrDefault(learner + "|" + courseKey, EnrollmentGroups.AUDIT);
    }

    public void enroll(UUID learner, String courseKey) {
        enrolled.add(learner + "|" + courseKey);
    }

    static String subsectionOf(String itemKey) {
        return itemKey.replaceAll("\\+type@problem\\+block@.*$", "+type@sequential+block@hw");
    }
}
