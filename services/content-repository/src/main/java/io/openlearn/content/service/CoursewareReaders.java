package io.openlearn.content.service;

import io.openlearn.kit.courseware.CourseRunFacts;
import io.openlearn.kit.courseware.CoursewareFacts;
import io.openlearn.kit.courseware.LearnerAccess;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who reads a course's published content, and as what: services and the course team read everything (the team may
 * preview as a learner); a learner reads only while actively enrolled and once the run started (a beta tester
 * earlier), and then only the blocks open to them. Everyone else is refused with the reason.
 */
@ApplicationScoped
public class CoursewareReaders {

    /** {@code learner} is null for a full view. */
    public record Reader(LearnerAccess learner, Instant now) {
        public boolean fullView() {
            return learner == null;
        }
    }

    private final CourseAccess access;
    private final CoursewareFacts facts;
    private final JsonWebToken jwt;
    private final Clock clock = Clock.systemUTC();

    public CoursewareReaders(CourseAccess access, CoursewareFacts facts, JsonWebToken jwt) {
        this.access = access;
        this.facts = facts;
        this.jwt = jwt;
    }

    /** The caller as a reader of the course; 403 with the reason when they may read none of it. */
    public Reader of(String courseKey, boolean previewAsLearner) {
        CourseKeys.require(courseKey);
        Instant now = clock.instant();
        boolean staff = access.isService() || access.mayAuthor(courseKey);
        if (previewAsLearner && !staff) {
            throw new ProblemException(403, "Only the course's team may preview the course as a learner.");
        }
        if (staff && !previewAsLearner) {
            return new Reader(null, now);
        }
        LearnerAccess learner = staff ? previewLearner(courseKey) : facts.learner(jwt, callerId(), courseKey);
        learner.denial(now).ifPresent(reason -> {
            throw new ProblemException(403, staff ? "A learner could not read this course now: " + reason : reason);
        });
        return new Reader(learner, now);
    }

    /** A learner enrolled in the run, not a beta tester: what the team previews. */
    private LearnerAccess previewLearner(String courseKey) {
        CourseRunFacts run = facts.run(courseKey);
        return new LearnerAccess(true, run.start(), run.daysEarlyForBeta(), false);
    }

    private UUID callerId() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(403, "Only platform users read courseware.");
        }
    }
}
