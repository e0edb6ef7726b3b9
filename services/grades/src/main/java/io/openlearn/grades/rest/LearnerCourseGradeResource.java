package io.openlearn.grades.rest;

import io.openlearn.grades.repository.CourseGradeEntity;
import io.openlearn.grades.repository.CourseGradeRepository;
import io.openlearn.kit.security.Callers;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller's own course grades across course runs. */
@Path("/api/grades/v1/me/course-grades")
@Authenticated
public class LearnerCourseGradeResource {

    private final CourseGradeRepository grades;
    private final JsonWebToken jwt;

    public LearnerCourseGradeResource(CourseGradeRepository grades, JsonWebToken jwt) {
        this.grades = grades;
        this.jwt = jwt;
    }

    public record CourseGrade(String courseKey, BigDecimal percent, String letterGrade, boolean passed,
                              Instant updatedAt) {
        static CourseGrade of(CourseGradeEntity e) {
            return new CourseGrade(e.key.courseKey(), e.percent, e.letterGrade, e.passed, e.updatedAt);
        }
    }

    public record CourseGradeList(List<CourseGrade> items) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CourseGradeList mine() {
        return new CourseGradeList(grades.ofLearner(Callers.userId(jwt)).stream().map(CourseGrade::of).toList());
    }
}
