package io.openlearn.grades.client;

import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.client.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A course's active learners from enrollment, one keyset page at a time. */
@ApplicationScoped
public class RosterClient {

    public record Page(List<UUID> learners, String nextCursor) {
    }

    private final EnrollmentCalls enrollment;

    RosterClient(EnrollmentCalls enrollment, GradingConfig config) {
        this.enrollment = enrollment;
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
