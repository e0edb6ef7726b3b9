package io.openlearn.kit.courseware;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The facts that decide whether a learner may read a course's courseware now, each from its owner: the active
 * enrollment (enrollment), the run's start and beta head start (course-authoring), the beta tester role (auth, in
 * the token), and the groups the learner is in (enrollment: their track and their cohort's content group). Open edX's
 * rule: an enrolled learner reads from the run's start; a beta tester {@code daysEarlyForBeta} days earlier, and sees
 * blocks that many days before their release dates too; a block restricted to groups sees only learners in them.
 * {@code groups} null means group restrictions are not applied: the course team's preview as a learner.
 */
public record LearnerAccess(boolean enrolled, Instant courseStart, int daysEarlyForBeta, boolean betaTester,
        Set<GroupAccess.Group> groups) {

    public LearnerAccess {
        groups = groups == null ? null : Set.copyOf(groups);
    }

    /** A learner to whom group restrictions do not apply (the team's preview). */
    public LearnerAccess(boolean enrolled, Instant courseStart, int daysEarlyForBeta, boolean betaTester) {
        this(enrolled, courseStart, daysEarlyForBeta, betaTester, null);
    }

    /** Whether a block with this effective access is open to the learner's groups. */
    public boolean inGroupsOf(GroupAccess access) {
        return groups == null || access == null || access.allows(groups);
    }

    /** The moment up to which releases count as passed for this learner. */
    public Instant horizon(Instant now) {
        return betaTester && daysEarlyForBeta > 0 ? now.plus(Duration.ofDays(daysEarlyForBeta)) : now;
    }

    public boolean courseStarted(Instant now) {
        return courseStart == null || !courseStart.isAfter(horizon(now));
    }

    /** Why this learner may not read the course now, in a sentence for them; empty when they may. */
    public Optional<String> denial(Instant now) {
        if (!enrolled) {
            return Optional.of("You are not enrolled in this course.");
        }
        if (!courseStarted(now)) {
            return Optional.of("This course has not started yet; it starts at " + courseStart + ".");
        }
        return Optional.empty();
    }
}
