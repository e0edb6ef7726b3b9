package io.openlearn.submission.rest;

import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.submission.repository.SubmissionQueries;
import io.openlearn.submission.repository.SubmissionQueries.Cursor;
import io.openlearn.submission.rest.SubmitResource.Score;
import io.openlearn.submission.service.CourseWorkQuery;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A course's submissions for its staff (and services), newest first, filtered by item or learner. */
@Path("/api/submission/v1/courses/{courseKey}/submissions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CourseSubmissionResource {

    private final CourseWorkQuery queries;
    private final CourseCaller access;

    public CourseSubmissionResource(CourseWorkQuery queries, CourseCaller access) {
        this.queries = queries;
        this.access = access;
    }

    public record StaffSubmission(UUID id, UUID userId, String itemKey, int attemptNumber, Instant submittedAt,
            com.fasterxml.jackson.databind.JsonNode answer, Score score) {
    }

    public record Page(String courseKey, List<StaffSubmission> items, String nextCursor) {
    }

    @GET
    public Page page(@PathParam("courseKey") String courseKey, @QueryParam("itemKey") String itemKey,
            @QueryParam("userId") String userId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        List<SubmissionQueries.SubmissionRow> rows = queries.submissions(access.current(), courseKey, () -> {
            if (limit < 1 || limit > 200) {
                throw ProblemException.invalid("limit", "1 to 200");
            }
            UUID learner = userId == null ? null : ScoreResource.learner(userId);
            return new CourseWorkQuery.SubmissionsPage(learner, itemKey, decode(cursor), limit);
        });
        String key = courseKey;
        String next = rows.size() == limit ? encode(rows.get(rows.size() - 1)) : null;
        return new Page(key, rows.stream().map(r -> new StaffSubmission(r.id(), r.userId(), r.itemKey(),
                r.attemptNumber(), r.submittedAt(), r.answer(), LearnerSubmissionResource.score(r.earned(),
                        r.possible())))
                .toList(), next);
    }

    private static String encode(SubmissionQueries.SubmissionRow last) {
        String raw = last.submittedAt().toString() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "a nextCursor from an earlier page");
        }
    }
}
