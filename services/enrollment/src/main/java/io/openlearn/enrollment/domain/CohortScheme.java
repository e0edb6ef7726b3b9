package io.openlearn.enrollment.domain;

import java.util.Arrays;
import java.util.Optional;

/** Whether a run is cohorted, and how learners get into cohorts. */
public enum CohortScheme {
    /** No cohorts: memberships are kept but count for nothing. */
    OFF("off"),
    /** Staff place learners; a learner nobody placed is in no cohort. */
    MANUAL("manual"),
    /** Every learner is placed in a cohort when they enroll (and may be moved by staff later). */
    AUTOMATIC("automatic");

    private final String wireName;

    CohortScheme(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CohortScheme> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
