package io.openlearn.kit.courseware;

import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.kit.security.CoursePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * What the team asks to see: its own full view ({@link #NONE}), a learner's view that ignores groups
     * ({@code groups} null), or the view of a learner in exactly {@code groups} (Open edX's "view this course as a
     * learner in group X").
     */
    public record Preview(boolean asLearner, Set<GroupAccess.Group> groups) {

        public static final Preview NONE = new Preview(false, null);

        /**
         * {@code previewAs} is absent or {@code learner}; each {@code previewGroup} is {@code <partition id>:<group
         * id>} and needs {@code previewAs=learner}. 400 naming the parameter otherwise.
         */
        public static Preview of(String previewAs, List<String> previewGroups) {
            boolean asLearner = previewAsLearner(previewAs);
            if (previewGroups == null || previewGroups.isEmpty()) {
                return asLearner ? new Preview(true, null) : NONE;
            }
            if (!asLearner) {
                throw ProblemException.invalid("previewGroup", "only with previewAs=learner");
            }
            if (previewGroups.size() > 10) {
                throw ProblemException.invalid("previewGroup", "at most 10 groups");
            }
            Set<GroupAccess.Group> groups = new HashSet<>();
            for (String value : previewGroups) {
                groups.add(group(value));
            }
            return new Preview(true, Set.copyOf(groups));
        }

        private static GroupAccess.Group group(String value) {
            String[] parts = value == null ? new String[0] : value.split(":", -1);
            try {
                if (parts.length == 2 && parts[0].length() <= 9 && parts[1].length() <= 9) {
                    int partition = Integer.parseInt(parts[0]);
                    int group = Integer.parseInt(parts[1]);
                    if (partition >= 0 && group >= 0) {
                        return new GroupAccess.Group(partition, group);
                    }
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw ProblemException.invalid("previewGroup", "<partition id>:<group id>, such as 50:2 (verified)");
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
    public Reader of(String courseKey, Preview preview) {
        Reader reader = reader(courseKey, preview);
        reader.denial().ifPresent(reason -> {
            throw new ProblemException(403, reason);
        });
        return reader;
    }

    /**
     * The caller as a reader without refusing: a learner who may not read the course now comes back with the reason,
     * for reads that show such a learner less (a catalog outline) instead of nothing.
     */
    public Reader reader(String courseKey, Preview preview) {
        boolean previewAsLearner = preview.asLearner();
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
        LearnerAccess learner = staff ? previewLearner(courseKey, preview.groups()) : facts.learner(userId, courseKey,
                CoursePermissions.isBetaTester(caller, courseKey));
        Optional<String> denial = learner.denial(now)
                .map(reason -> staff ? "A learner could not read this course now: " + reason : reason);
        return new Reader(learner, userId, now, staff, denial);
    }

    /** {@code previewAs} is absent or {@code learner}; 400 otherwise. */
    private static boolean previewAsLearner(String previewAs) {
        if (previewAs == null) {
            return false;
        }
        if (!"learner".equals(previewAs)) {
            throw ProblemException.invalid("previewAs", "learner (or absent)");
        }
        return true;
    }

    /** A learner enrolled in the run, not a beta tester, in {@code groups} (null: groups ignored): the preview. */
    private LearnerAccess previewLearner(String courseKey, Set<GroupAccess.Group> groups) {
        CourseRunFacts run = facts.run(courseKey);
        return new LearnerAccess(true, run.start(), run.daysEarlyForBeta(), false, groups);
    }

    private UUID callerId() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(403, "Only platform users read courseware.");
        }
    }
}
