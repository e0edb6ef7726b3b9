package io.openlearn.submission.service;

import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.submission.repository.SubmissionQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A course's work as the course team and platform services read it: every learner's submissions and latest scores.
 * The caller is checked (403) before the page's parameters are read (their 400s come after).
 */
@ApplicationScoped
public class CourseWorkQuery {

    /** Which submissions: of one learner and one item when set, after {@code cursor}, at most {@code limit}. */
    public record SubmissionsPage(UUID learner, String itemKey, SubmissionQueries.Cursor cursor, int limit) {
    }

    /** Latest scores after the student item {@code after}, at most {@code limit}. */
    public record ScoresPage(UUID after, int limit) {
    }

    private final SubmissionQueries queries;

    public CourseWorkQuery(SubmissionQueries queries) {
        this.queries = queries;
    }

    public List<SubmissionQueries.SubmissionRow> submissions(Caller caller, String courseKey,
            Supplier<SubmissionsPage> page) {
        String key = requireTeamOrService(caller, courseKey);
        SubmissionsPage p = page.get();
        return QuarkusTransaction.joiningExisting()
                .call(() -> queries.page(key, p.learner(), p.itemKey(), p.cursor(), p.limit()));
    }

    public List<SubmissionQueries.LatestScore> latestScores(Caller caller, String courseKey,
            Supplier<ScoresPage> page) {
        String key = requireTeamOrService(caller, courseKey);
        ScoresPage p = page.get();
        return QuarkusTransaction.joiningExisting().call(() -> queries.latestScores(key, p.after(), p.limit()));
    }

    private static String requireTeamOrService(Caller caller, String courseKey) {
        String key = CourseKeys.require(courseKey);
        CoursePermissions.require(CoursePermissions.isTeamOrService(caller, key),
                "Only the course's staff and platform services may do this.");
        return key;
    }
}
