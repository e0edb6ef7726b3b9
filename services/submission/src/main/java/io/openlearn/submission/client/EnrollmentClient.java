package io.openlearn.submission.client;

import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.courseware.GroupAccess;
import io.openlearn.submission.config.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Whether a learner is actively enrolled, and the groups they are in, from enrollment in one call. Only an active
 * learner's answer is remembered (briefly), so a learner who just enrolled is never refused for long, and one who
 * left, moved cohort or changed mode counts within seconds.
 */
@ApplicationScoped
public class EnrollmentClient {

    private final EnrollmentCalls enrollment;
    private final TtlCache<String, Set<GroupAccess.Group>> active;

    EnrollmentClient(EnrollmentCalls enrollment, SubmissionConfig config) {
        this.enrollment = enrollment;
        this.active = new TtlCache<>(config.enrollmentCacheTtl(), 100_000);
    }

    /** The groups of an actively enrolled learner; empty when they are not actively enrolled. */
    public Optional<Set<GroupAccess.Group>> activeGroups(UUID learner, String courseKey) {
        String key = learner + "|" + courseKey;
        Optional<Set<GroupAccess.Group>> known = active.find(key);
        if (known.isPresent()) {
            return known;
        }
        EnrollmentCalls.Groups answer = Upstream.call("enrollment", () -> enrollment.groups(courseKey, learner));
        if (answer == null || !Boolean.TRUE.equals(answer.active())) {
            return Optional.empty();
        }
        Set<GroupAccess.Group> groups = answer.groups() == null ? Set.of() : Set.copyOf(answer.groups());
        active.put(key, groups);
        return Optional.of(groups);
    }
}
