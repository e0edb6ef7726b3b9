package io.openlearn.submission.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a problem is released to a learner: its effective release date ({@code release}, inherited from its unit,
 * subsection and chapter; null when released with the course) has come. A beta tester's {@code earlyAccess} (Open
 * edX's days_early_for_beta) moves every release that much earlier for them, the course start included.
 */
public record Release(Instant release, Duration earlyAccess) {

    public static Release of(Instant release, boolean betaTester, Duration daysEarlyForBeta) {
        return new Release(release, betaTester && daysEarlyForBeta != null ? daysEarlyForBeta : Duration.ZERO);
    }

    public Optional<String> refusal(Instant now) {
        if (release != null && release.isAfter(now.plus(earlyAccess))) {
            return Optional.of("This problem is not released yet; it opens at " + release.minus(earlyAccess) + ".");
        }
        return Optional.empty();
    }

    /** A date as this learner meets it: {@code earlyAccess} earlier. */
    public Instant forLearner(Instant date) {
        return date == null ? null : date.minus(earlyAccess);
    }
}
