package io.openlearn.submission.rest;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.submission.repository.SubmissionQueries;
import io.openlearn.submission.service.CourseWorkQuery;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every learner's latest score on every problem of a course, with its event sequence: what grades-worker rebuilds
 * its score projection from when a course is resynced (staff and services), one keyset page at a time.
 */
@Path("/api/submission/v1/courses/{courseKey}/scores")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CourseScoresResource {

    public record LatestScore(UUID userId, String itemKey, UUID scoreId, String kind, double rawEarned,
            double rawPossible, long sequence, Instant scoredAt) {
    }

    public record Page(String courseKey, List<LatestScore> items, String nextAfter) {
    }

    private final CourseWorkQuery queries;
    private final CourseCaller access;

    public CourseScoresResource(CourseWorkQuery queries, CourseCaller access) {
        this.queries = queries;
        this.access = access;
    }

    @GET
    public Page page(@PathParam("courseKey") String courseKey, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        List<SubmissionQueries.LatestScore> rows = queries.latestScores(access.current(), courseKey, () -> {
            if (limit < 1 || limit > 5000) {
                throw ProblemException.invalid("limit", "1 to 5000");
            }
            try {
                return new CourseWorkQuery.ScoresPage(after == null ? null : UUID.fromString(after), limit);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("after", "the nextAfter of the previous page");
            }
        });
        String key = courseKey;
        String next = rows.size() == limit ? rows.get(rows.size() - 1).studentItemId().toString() : null;
        return new Page(key, rows.stream().map(r -> new LatestScore(r.userId(), r.itemKey(), r.scoreId(), r.kind(),
                r.earned(), r.possible(), r.sequence(), r.scoredAt())).toList(), next);
    }
}
