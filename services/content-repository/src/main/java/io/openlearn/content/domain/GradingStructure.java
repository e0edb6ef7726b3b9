package io.openlearn.content.domain;

import java.time.Instant;
import java.util.List;

/**
 * The compact view of one published version that grading needs: every subsection in course order with its
 * grading settings and its problems' weights and maximum scores. {@code gradingDigest} fingerprints exactly what
 * grades depend on (not names or due dates), so two versions with equal digests grade identically.
 */
public record GradingStructure(String courseKey, int version, Instant publishedAt, String gradingDigest,
                               int problemCount, List<Subsection> subsections) {

    public record Subsection(String key, String displayName, boolean graded, String format, Instant due,
                             ShowCorrectness showCorrectness, List<ProblemWeight> problems) {
    }

    /** {@code weight} null means unweighted: the problem counts its raw points (Open edX's rule). */
    public record ProblemWeight(String key, double maxScore, Double weight) {
    }
}
