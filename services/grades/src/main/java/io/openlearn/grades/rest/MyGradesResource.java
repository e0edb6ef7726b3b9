package io.openlearn.grades.rest;

import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.grades.service.OutlineQuery;
import io.openlearn.grades.service.ProgressQuery;
import io.openlearn.kit.courseware.CoursewareReaders;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * The caller's own grades: every course grade; a course's progress page (the course's learners and team only) and
 * outline.
 */
@Path("/api/grades/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MyGradesResource {

    public record CourseGrade(String courseKey, double percent, String letterGrade, boolean passed,
            Instant firstPassedAt, Instant updatedAt) {
    }

    public record CourseGradeList(List<CourseGrade> items) {
    }

    private final Transactions db;
    private final GradeRepository grades;
    private final CourseCaller access;
    private final ProgressQuery progress;
    private final OutlineQuery outlines;

    public MyGradesResource(Transactions db, GradeRepository grades, CourseCaller access, ProgressQuery progress,
            OutlineQuery outlines) {
        this.db = db;
        this.grades = grades;
        this.access = access;
        this.progress = progress;
        this.outlines = outlines;
    }

    @GET
    @Path("course-grades")
    public CourseGradeList courseGrades() {
        return new CourseGradeList(db.read(c -> grades.ofLearner(c, access.current().userId())).stream()
                .map(g -> new CourseGrade(g.courseKey(), g.percent(), g.letterGrade(), g.passed(), g.firstPassedAt(),
                        g.updatedAt()))
                .toList());
    }

    @GET
    @Path("courses/{courseKey}/progress")
    public ProgressQuery.Progress progress(@PathParam("courseKey") String courseKey) {
        return progress.mine(access.current(), courseKey);
    }

    /** The course outline the caller's UI renders its navigation from (see {@link OutlineQuery}). */
    @GET
    @Path("courses/{courseKey}/outline")
    public Response outline(@PathParam("courseKey") String courseKey, @QueryParam("previewAs") String previewAs,
            @QueryParam("previewGroup") List<String> previewGroups,
            @HeaderParam("Accept-Encoding") String acceptEncoding) {
        // rendered and compressed once per version and access facts: a 200-subsection outline is about 70 KB
        return outlines.json(access.current(), courseKey, CoursewareReaders.Preview.of(previewAs, previewGroups))
                .ok(acceptEncoding).build();
    }
}
