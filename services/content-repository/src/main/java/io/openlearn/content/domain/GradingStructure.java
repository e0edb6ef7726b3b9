package io.openlearn.content.domain;

import io.openlearn.kit.courseware.GroupAccess;
import java.time.Instant;
import java.util.List;

/**
 * The compact view of one published version that grading and courseware access need: every chapter and subsection
 * in course order with its effective schedule and visibility (inherited down the tree), each subsection's grading
 * settings and its problems' weights and maximum scores. {@code groupAccess} is effective too (the block's own
 * restricted by every ancestor's; {@code {}} for open): grades count a problem only for learners it allows. {@code gradingDigest} fingerprints exactly what grades
 * depend on (not names, due or release dates), so two versions with equal digests grade identically. Gates (a
 * subsection's {@code prerequisite}, the course's {@code entranceExam}, null when none) come along because grades
 * decides their fulfilment while it grades; they are in the digest so that a publish changing them re-evaluates
 * every learner's gates.
 */
public record GradingStructure(String courseKey, int version, Instant publishedAt, String gradingDigest,
        int problemCount, List<Chapter> chapters, List<Subsection> subsections, EntranceExam entranceExam) {

    /** {@code start} and {@code visibleToStaffOnly} are effective: the chapter's own (a chapter has no parent). */
    public record Chapter(String key, String displayName, Instant start, boolean visibleToStaffOnly,
            GroupAccess groupAccess) {
    }

    /**
     * {@code start} and {@code visibleToStaffOnly} are effective (the later release of the subsection and its
     * chapter; staff-only when either is). {@code chapter} is the key of the chapter that holds it.
     */
    public record Subsection(String key, String displayName, boolean graded, String format, Instant due,
            ShowCorrectness showCorrectness, List<ProblemWeight> problems, String chapter,
            Instant start, boolean visibleToStaffOnly, boolean hideAfterDue, GroupAccess groupAccess,
            Prerequisite prerequisite) {
    }

    /**
     * {@code weight} null means unweighted: the problem counts its raw points (Open edX's rule). {@code start} and
     * {@code visibleToStaffOnly} are effective, its unit's included: a staff-only problem counts in no learner's
     * grade.
     */
    public record ProblemWeight(String key, double maxScore, Double weight, Instant start,
            boolean visibleToStaffOnly, GroupAccess groupAccess) {
    }
}
