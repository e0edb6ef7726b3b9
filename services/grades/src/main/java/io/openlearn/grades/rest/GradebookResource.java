package io.openlearn.grades.rest;

import io.openlearn.grades.client.RosterClient;
import io.openlearn.grades.repository.GradebookRepository;
import io.openlearn.grades.service.GradebookQuery;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * The course team's gradebook: filter by passed, percent range, letter, cohort or enrollment track; sort by percent
 * or learner. Learners who left the course are left out unless {@code includeUnenrolled=true}.
 */
@Path("/api/grades/v1/courses/{courseKey}/gradebook")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GradebookResource {

    private final CourseCaller access;
    private final GradebookQuery gradebook;

    public GradebookResource(CourseCaller access, GradebookQuery gradebook) {
        this.access = access;
        this.gradebook = gradebook;
    }

    @GET
    public GradebookQuery.Page page(@PathParam("courseKey") String courseKey, @QueryParam("passed") Boolean passed,
            @QueryParam("minPercent") Double minPercent, @QueryParam("maxPercent") Double maxPercent,
            @QueryParam("letterGrade") String letterGrade, @QueryParam("sort") @DefaultValue("-percent") String sort,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("includeUnenrolled") @DefaultValue("false") boolean includeUnenrolled,
            @QueryParam("cohort") String cohort, @QueryParam("track") String track) {
        return gradebook.page(access.current(), courseKey, new GradebookRepository.Filter(passed, minPercent,
                maxPercent, letterGrade, !includeUnenrolled), new RosterClient.LearnerFilter(cohortId(cohort), track),
                sort, cursor, limit);
    }

    static UUID cohortId(String cohort) {
        try {
            return cohort == null ? null : UUID.fromString(cohort);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cohort", "a cohort id (a UUID)");
        }
    }
}
