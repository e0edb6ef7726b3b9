package io.openlearn.kit.courseware;

import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.kit.security.CoursePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who reads a course's courseware, and as what: services and the course team read everything (the team may preview
 * as a learner: enrolled, not a beta tester); a learner reads only while actively enrolled and once the run started
 * (a beta tester earlier), and then only what is open to them. The one rule content-repository (blocks, assets) and
 * grades (outline, progress) apply; each service builds one with its own {@link CoursewareFacts}.
 */
public final class CoursewareReaders {

    /**
     * {@code learner} (and {@code userId}) are null for a full view; {@code userId} is whose extensions and scores
     * a learner's view shows; {@code denial} says why a learner may not read the course now.
     */
    public record Reader(LearnerAccess learner, UUID userId, Instant now, boolean preview, Optional<String> denial) {
        public boolean fullView() {
            return learner == null;
        }
    }

    private final CourseCaller caller;
    private final CoursewareFacts facts;
    private final JsonWebToken jwt;
    private final Clock clock;

    public CoursewareReaders(CourseCaller caller, CoursewareFacts facts, JsonWebToken jwt, Clock clock) {
        this.caller = caller;
        this.facts = facts;
        this.jwt = jwt;
        this.clock = clock;
    }

    public CoursewareFacts facts() {
        return facts;
    }

    /** The caller as a reader of the course; 403 with the reason when they may read none of it now. */
    public Reader of(String courseKey, boolean previewAsLearner) {
        Reader reader = reader(courseKey, previewAsLearner);
        reader.denial().ifPresent(reason -> {
            throw new ProblemException(403, reason);
        });
        return reader;
    }

    /**
     * The caller as a reader without refusing: a learner who may not read the course now comes back with the reason,
     * for reads that show such a learner less (a catalog outline) instead of nothing.
     */
    public Reader reader(String courseKey, boolean previewAsLearner) {
        CourseKeys.require(courseKey);
        Instant now = clock.instant();
        Caller caller = this.caller.current();
        boolean staff = CoursePermissions.isTeamOrService(caller, courseKey);
        if (previewAsLearner && !CoursePermissions.isCourseTeam(caller, courseKey)) {
            throw new ProblemException(403, "Only the course's team may preview the course as a learner.");
        }
        if (staff && !previewAsLearner) {
            return new Reader(null, null, now, false, Optional.empty());
        }
        UUID userId = callerId();
        LearnerAccess learner = staff ? previewLearner(courseKey) : facts.learner(userId, courseKey,
                CoursePermissions.isBetaTester(caller, courseKey));
        Optional<String> denial = learner.denial(now)
                .map(reason -> staff ? "A learner could not read this course now: " + reason : reason);
        return new Reader(learner, userId, now, staff, denial);
    }

    /** {@code previewAs} is absent or {@code learner}; 400 otherwise. */
    public static boolean previewAsLearner(String previewAs) {
        if (previewAs == null) {
            return false;
        }
        if (!"learner".equals(previewAs)) {
            throw ProblemException.invalid("previewAs", "learner (or absent)");
        }
        return true;
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
