package io.openlearn.kit.courseware;

import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks the owners of the access facts ({@link CoursewareCalls}, with the calling service's token): course-authoring for the run, enrollment
 * for an active enrollment and the learner's groups (one call), submission for a learner's deadline extensions; the beta tester role comes from the
 * caller's token. A run is trusted for {@code ttls.run}; only an active learner's groups are remembered (for
 * {@code ttls.enrollment}), so a learner who just enrolled is never refused for long and one who left is refused
 * within that time; extensions show within {@code ttls.extensions}. Each service builds one from its own settings.
 */
public final class CoursewareFacts {

    private final CoursewareCalls calls;
    private final String authoringUrl;
    private final String enrollmentUrl;
    private final String submissionUrl;
    private final TtlCache<String, CourseRunFacts> runs;
    private final TtlCache<String, Set<GroupAccess.Group>> groups;
    private final TtlCache<String, Map<String, Instant>> extensions;

    /** Where the owners answer. */
    public record Upstreams(String authoringUrl, String enrollmentUrl, String submissionUrl) {
    }

    /** How long each kind of answer is trusted. */
    public record Ttls(Duration run, Duration enrollment, Duration extensions) {
    }

    public CoursewareFacts(CoursewareCalls calls, Upstreams upstreams, Ttls ttls) {
        this.calls = calls;
        this.authoringUrl = upstreams.authoringUrl();
        this.enrollmentUrl = upstreams.enrollmentUrl();
        this.submissionUrl = upstreams.submissionUrl();
        this.runs = new TtlCache<>(ttls.run(), 10_000);
        this.groups = new TtlCache<>(ttls.enrollment(), 100_000);
        this.extensions = new TtlCache<>(ttls.extensions(), 100_000);
    }

    /** The learner's deadline extensions in the course: subsection key to their own due date. */
    public Map<String, Instant> extensions(String courseKey, UUID learner) {
        return extensions.get(courseKey + "|" + learner, key -> loadExtensions(courseKey, learner));
    }

    private Map<String, Instant> loadExtensions(String courseKey, UUID learner) {
        CoursewareCalls.Extensions answer = Upstream.call("submission",
                () -> calls.extensions(submissionUrl, courseKey, learner));
        Map<String, Instant> extended = new HashMap<>();
        if (answer != null && answer.items() != null) {
            for (CoursewareCalls.Extension item : answer.items()) {
                extended.put(item.subsectionKey(), item.until());
            }
        }
        return Map.copyOf(extended);
    }

    /** The course run; 404 when course-authoring has none. */
    public CourseRunFacts run(String courseKey) {
        return runs.get(courseKey, this::loadRun);
    }

    /** Whether the learner is actively enrolled; "yes" may come from the cache. */
    public boolean enrolled(UUID learner, String courseKey) {
        return activeGroups(learner, courseKey) != null;
    }

    /** Enrollment's answer now, never from the cache: for a consumer acting on an enrollment change. */
    public boolean enrolledNow(UUID learner, String courseKey) {
        return groupsNow(learner, courseKey) != null;
    }

    /**
     * A learner's access facts in this course; {@code betaTester} comes from the caller's token. Enrollment answers
     * whether they are actively enrolled and their groups in one call; only an active learner's groups are
     * remembered ({@code ttls.enrollment}), so a new enrollment counts at once and a cohort move or a mode change
     * shows within that time.
     */
    public LearnerAccess learner(UUID learner, String courseKey, boolean betaTester) {
        CourseRunFacts run = run(courseKey);
        Set<GroupAccess.Group> inGroups = activeGroups(learner, courseKey);
        return new LearnerAccess(inGroups != null, run.start(), run.daysEarlyForBeta(), betaTester,
                inGroups == null ? Set.of() : inGroups);
    }

    /** The groups of an actively enrolled learner, remembered once seen; null when they are not actively enrolled. */
    private Set<GroupAccess.Group> activeGroups(UUID learner, String courseKey) {
        String key = learner + "|" + courseKey;
        Optional<Set<GroupAccess.Group>> known = groups.find(key);
        if (known.isPresent()) {
            return known.get();
        }
        Set<GroupAccess.Group> inGroups = groupsNow(learner, courseKey);
        if (inGroups != null) {
            groups.put(key, inGroups);
        }
        return inGroups;
    }

    /** Enrollment's answer now: the learner's groups, or null when they are not actively enrolled. */
    private Set<GroupAccess.Group> groupsNow(UUID learner, String courseKey) {
        CoursewareCalls.Groups answer = Upstream.call("enrollment",
                () -> calls.groups(enrollmentUrl, courseKey, learner));
        if (answer == null || !Boolean.TRUE.equals(answer.active())) {
            return null;
        }
        return answer.groups() == null ? Set.of() : Set.copyOf(answer.groups());
    }

    private CourseRunFacts loadRun(String courseKey) {
        CoursewareCalls.Run run = Upstream.find("course-authoring", () -> calls.run(authoringUrl, courseKey))
                .orElseThrow(() -> new ProblemException(404, "No course run " + courseKey + "."));
        return CourseRunFacts.of(courseKey, run);
    }
}
