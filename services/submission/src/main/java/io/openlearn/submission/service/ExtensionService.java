package io.openlearn.submission.service;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.submission.repository.ExtensionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Deadline extensions of one learner in a course: the course team grants and revokes them; the learner, the team and
 * platform services read them. A change's input is read (and refused 400) only once the caller may make it.
 */
@ApplicationScoped
public class ExtensionService {

    /** An extension of {@code subsectionKey} for {@code learner} until {@code until}. */
    public record Grant(UUID learner, String subsectionKey, Instant until, String reason) {
    }

    /** The extension of {@code subsectionKey} of {@code learner}. */
    public record Target(UUID learner, String subsectionKey) {
    }

    private final ExtensionRepository extensions;

    public ExtensionService(ExtensionRepository extensions) {
        this.extensions = extensions;
    }

    public Map<String, Instant> ofLearner(Caller caller, String courseKey, UUID learner) {
        CoursePermissions.require(CoursePermissions.isSelfOrTeam(caller, courseKey, learner),
                "Learners see only their own data.");
        return QuarkusTransaction.requiringNew().call(() -> extensions.ofLearner(learner, courseKey));
    }

    /** Grants the extension; answers who granted it (the caller's name). */
    public String grant(Caller caller, String courseKey, Supplier<Grant> grant) {
        requireTeam(caller, courseKey);
        Grant g = grant.get();
        QuarkusTransaction.requiringNew().run(() -> extensions.grant(g.learner(), courseKey, g.subsectionKey(),
                g.until(), caller.name(), g.reason(), Instant.now()));
        return caller.name();
    }

    public void revoke(Caller caller, String courseKey, Supplier<Target> target) {
        requireTeam(caller, courseKey);
        Target t = target.get();
        boolean removed = QuarkusTransaction.requiringNew().call(() -> extensions.revoke(t.learner(), courseKey,
                t.subsectionKey()));
        if (!removed) {
            throw new ProblemException(404, "No extension of that subsection for this learner.");
        }
    }

    private static void requireTeam(Caller caller, String courseKey) {
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, courseKey),
                "Only the course's staff may do this.");
    }
}
