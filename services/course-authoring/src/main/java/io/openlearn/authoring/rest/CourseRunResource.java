package io.openlearn.authoring.rest;

import io.openlearn.authoring.repository.CourseRunEntity;
import io.openlearn.authoring.repository.CourseRunRepository;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The catalog view of course runs: what every signed-in user may read (no policy, no team). */
@Path("/api/authoring/v1/course-runs")
@Authenticated
public class CourseRunResource {

    private final CourseRunRepository courseRuns;

    public CourseRunResource(CourseRunRepository courseRuns) {
        this.courseRuns = courseRuns;
    }

    public record CourseRun(String courseKey, String org, String number, String run, String title, Instant start,
                            Instant end, String pacing) {
        static CourseRun of(CourseRunEntity e) {
            return new CourseRun(e.courseKey, e.org, e.number, e.run, e.title, e.start, e.end, e.pacing);
        }
    }

    public record CourseRunList(List<CourseRun> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CourseRunList catalog(@QueryParam("org") @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String org) {
        return new CourseRunList(courseRuns.catalog(org).stream().map(CourseRun::of).toList());
    }
}
