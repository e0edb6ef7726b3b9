package io.openlearn.kit.courseware;

import io.openlearn.kit.client.Upstream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What grades says locks a learner's subsections (an entrance exam not passed, a prerequisite not reached), for the
 * readers that enforce it (content-repository's block reads, submission's answers). Asked afresh on every use, never
 * cached: grades-worker opens a gate within milliseconds of the grade that fulfils it, and the learner goes straight
 * on to what it opens. Readers ask only for a version that has gates.
 */
public final class GateLocks {

    /** What keeps one subsection locked, and what opens it. */
    public record Lock(String subsectionKey, String kind, String requires, String requiresName, double minScore,
            double minCompletion) {

        /** The sentence a learner reads when refused: what to reach, and where. */
        public String reason(String what) {
            String where = requiresName != null ? "\"" + requiresName + "\"" : requires;
            if ("entrance-exam".equals(kind)) {
                return what + " opens once you pass the entrance exam " + where + " (" + percent(minScore) + " %).";
            }
            return what + " opens once you reach " + percent(minScore) + " % in " + where
                    + (minCompletion > 0 ? " and attempt " + percent(minCompletion) + " % of its problems" : "") + ".";
        }

        private static String percent(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }

    private final CoursewareCalls calls;
    private final String gradesUrl;

    public GateLocks(CoursewareCalls calls, String gradesUrl) {
        this.calls = calls;
        this.gradesUrl = gradesUrl;
    }

    /** The learner's locked subsections by key, in course order; empty when nothing is locked. */
    public Map<String, Lock> of(String courseKey, UUID learner) {
        CoursewareCalls.Locks answer = Upstream.call("grades", () -> calls.locks(gradesUrl, courseKey, learner));
        Map<String, Lock> locks = new LinkedHashMap<>();
        if (answer != null && answer.locked() != null) {
            for (CoursewareCalls.Lock lock : answer.locked()) {
                locks.put(lock.subsectionKey(), new Lock(lock.subsectionKey(), lock.kind(), lock.requires(),
                        lock.requiresName(), lock.minScore() == null ? 0 : lock.minScore(),
                        lock.minCompletion() == null ? 0 : lock.minCompletion()));
            }
        }
        return locks;
    }
}
