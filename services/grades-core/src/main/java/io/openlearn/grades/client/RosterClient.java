package io.openlearn.grades.client;

import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** A course's active learners from enrollment, one keyset page at a time. */
@ApplicationScoped
public class RosterClient {

    public record Page(List<UUID> learners, String nextCursor) {
    }

    private static final int PAGE = 1000;

    private final EnrollmentCalls enrollment;

    RosterClient(EnrollmentCalls enrollment, GradingConfig config) {
        this.enrollment = enrollment;
    }

    /** Which learners a staff view keeps: one cohort's, one track's, or those in both; null fields keep everyone. */
    public record LearnerFilter(UUID cohort, String track) {

        public boolean isEmpty() {
            return cohort == null && track == null;
        }
    }

    /**
     * The active learners {@code filter} keeps, every page read from enrollment; 400 naming {@code cohort} for a
     * cohort the course does not have.
     */
    public Set<UUID> learnersOf(String courseKey, LearnerFilter filter) {
        Set<UUID> inTrack = filter.track() == null ? null
                : all(after -> Upstream.call("enrollment", () -> enrollment.rosterInMode(courseKey, filter.track(),
                        PAGE, after)));
        Set<UUID> inCohort = filter.cohort() == null ? null
                : all(after -> Upstream.find("enrollment", () -> enrollment.cohortMembers(courseKey, filter.cohort(),
                        PAGE, after)).orElseThrow(() -> ProblemException.invalid("cohort",
                                "names no cohort of " + courseKey)));
        if (inTrack == null) {
            return inCohort;
        }
        if (inCohort != null) {
            inTrack.retainAll(inCohort);
        }
        return inTrack;
    }

    /** 400 naming {@code cohort} unless the course has that cohort. */
    public void requireCohort(String courseKey, UUID cohort) {
        Upstream.find("enrollment", () -> enrollment.cohortMembers(courseKey, cohort, 1, null))
                .orElseThrow(() -> ProblemException.invalid("cohort", "names no cohort of " + courseKey));
    }

    private static Set<UUID> all(Function<String, EnrollmentCalls.Roster> page) {
        Set<UUID> learners = new HashSet<>();
        String after = null;
        do {
            EnrollmentCalls.Roster answer = page.apply(after);
            if (answer.items() != null) {
                answer.items().forEach(item -> learners.add(item.userId()));
            }
            after = answer.nextCursor();
        } while (after != null);
        return learners;
    }

    public Page activeLearners(String courseKey, String after, int limit) {
        EnrollmentCalls.Roster answer = Upstream.call("enrollment", () -> enrollment.roster(courseKey, limit, after));
        List<UUID> learners = new ArrayList<>();
        if (answer.items() != null) {
            for (EnrollmentCalls.Item item : answer.items()) {
                learners.add(item.userId());
            }
        }
        return new Page(learners, answer.nextCursor());
    }
}
