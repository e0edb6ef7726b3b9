package io.openlearn.grades.rest;

import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.grades.service.ProgressQuery;
import io.openlearn.kit.keys.CourseKeys;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The caller's own grades: every course grade, and a course's progress page. */
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

    public MyGradesResource(Transactions db, GradeRepository grades, CourseCaller access, ProgressQuery progress) {
        this.db = db;
        this.grades = grades;
        this.access = access;
        this.progress = progress;
    }

    @GET
    @Path("course-grades")
    public CourseGradeList courseGrades() {
        return new CourseGradeList(db.read(c -> grades.ofLearner(c, access.caller())).stream()
                .map(g -> new CourseGrade(g.courseKey(), g.percent(), g.letterGrade(), g.passed(), g.firstPassedAt(),
                        g.updatedAt())).toList());
    }

    @GET
    @Path("courses/{courseKey}/progress")
    public ProgressQuery.Progress progress(@PathParam("courseKey") String courseKey) {
        return progress.of(CourseKeys.require(courseKey), access.caller());
    }
}
