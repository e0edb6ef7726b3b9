package io.openlearn.content.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.testkit.EnrollmentGroups;
import io.openlearn.testkit.TestTokens;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the stubbed course-authoring and enrollment answer, shaped as their contracts say. Tests describe runs and
 * enrollments here; {@link UpstreamStub} serves them.
 */
@Singleton
public class Upstreams {

    final Map<String, ObjectNode> runs = new ConcurrentHashMap<>();
    final Set<String> enrolled = ConcurrentHashMap.newKeySet();
    /** enrollment's groups by "user id|course" beyond the audit track's, which every enrolled learner is in. */
    final Map<String, List<Map<String, Integer>>> groups = new ConcurrentHashMap<>();
    /** submission's extensions by "course|user id": subsection key to the extended due date. */
    final Map<String, Map<String, Instant>> extensions = new ConcurrentHashMap<>();
    /** grades' locked subsections by "user id|course". */
    final Map<String, List<Map<String, Object>>> locks = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** A run that started {@code start}, with beta testers {@code daysEarlyForBeta} days early. */
    public void run(String courseKey, Instant start, int daysEarlyForBeta) {
        ObjectNode run = json.createObjectNode().put("courseKey", courseKey).put("title", "Test run")
                .put("start", start.toString()).put("daysEarlyForBeta", daysEarlyForBeta)
                .put("courseVisibility", "private");
        run.putNull("end");
        runs.put(courseKey, run);
    }

    /** A run that started yesterday with {@code username} actively enrolled. */
    public void openTo(String courseKey, String username) {
        run(courseKey, Instant.now().minusSeconds(86_400), 0);
        enroll(username, courseKey);
    }

    public void extend(String username, String courseKey, String subsectionKey, Instant until) {
        extensions.put(courseKey + "|" + TestTokens.user(username).subject(), Map.of(subsectionKey, until));
    }

    /** Puts an enrolled learner in groups (partition id, group id pairs) instead of the audit track alone. */
    public void inGroups(String username, String courseKey, int... partitionAndGroup) {
        groups.put(TestTokens.user(username).subject() + "|" + courseKey, EnrollmentGroups.of(partitionAndGroup));
    }

    List<Map<String, Integer>> groupsOf(String userId, String courseKey) {
        return groups.getOrDefault(userId + "|" + courseKey, EnrollmentGroups.AUDIT);
    }

    /** grades says a prerequisite on {@code requires} (named "Homework 1", 70 %) locks {@code subsection}. */
    public void lock(String username, String courseKey, String subsection, String requires) {
        locks.put(TestTokens.user(username).subject() + "|" + courseKey, List.of(Map.of("subsectionKey", subsection,
                "kind", "prerequisite", "requires", requires, "requiresName", "Homework 1", "minScore", 70.0,
                "minCompletion", 0.0)));
    }

    public void unlock(String username, String courseKey) {
        locks.remove(TestTokens.user(username).subject() + "|" + courseKey);
    }

    public void enroll(String username, String courseKey) {
        enrolled.add(TestTokens.user(username).subject() + "|" + courseKey);
    }
}
