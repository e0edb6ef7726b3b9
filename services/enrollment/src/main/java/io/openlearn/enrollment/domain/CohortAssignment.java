package io.openlearn.enrollment.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** How an automatically cohorted run chooses a new learner's cohort among its cohorts (in creation order). */
public enum CohortAssignment {
    RANDOM("random") {
        @Override
        public <T> T choose(List<T> cohorts, long placedSoFar, RandomGenerator random) {
            return cohorts.get(random.nextInt(cohorts.size()));
        }
    },
    /** The n-th learner placed goes to cohort n mod the number of cohorts, so cohorts fill evenly. */
    ROUND_ROBIN("round-robin") {
        @Override
        public <T> T choose(List<T> cohorts, long placedSoFar, RandomGenerator random) {
            return cohorts.get((int) Math.floorMod(placedSoFar, (long) cohorts.size()));
        }
    };

    private final String wireName;

    CohortAssignment(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** One of {@code cohorts} (not empty), given how many learners this run has placed automatically before. */
    public abstract <T> T choose(List<T> cohorts, long placedSoFar, RandomGenerator random);

    public static Optional<CohortAssignment> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }
}
