package io.openlearn.grades.rest;

import io.openlearn.grades.repository.GradebookRepository;
import io.openlearn.grades.service.GradebookQuery;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.kit.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The course team's gradebook: filter by passed, percent range or letter; sort by percent or learner. Learners who
 * left the course are left out unless {@code includeUnenrolled=true}.
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
            @QueryParam("includeUnenrolled") @DefaultValue("false") boolean includeUnenrolled) {
        access.requireStaff(courseKey);
        Paging.requireLimit(limit, 500);
        return gradebook.page(courseKey, new GradebookRepository.Filter(passed, minPercent, maxPercent, letterGrade,
                !includeUnenrolled), sort(sort), cursor, limit);
    }

    private static GradebookRepository.Sort sort(String value) {
        return switch (value) {
            case "percent" -> GradebookRepository.Sort.PERCENT_ASC;
            case "-percent" -> GradebookRepository.Sort.PERCENT_DESC;
            case "learner" -> GradebookRepository.Sort.LEARNER;
            default -> throw ProblemException.invalid("sort", "one of percent, -percent, learner");
        };
    }
}
