package io.openlearn.bench;

import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.CourseGrade;
import io.openlearn.grades.domain.CourseGradeCalculator;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.ProblemScore;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.SubsectionOverride;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What grades-worker spends computing one learner's course grade once scores, overrides, structure and policy are in
 * memory: a 1,000-problem course (50 subsections of 20 problems, some weighted), Studio's default four assignment
 * types with drops and padding, a learner who answered 80 % of the problems, one override.
 */
@State(Scope.Benchmark)
public class CourseGradeBenchmark {

    private static final String[] FORMATS = {"Homework", "Lab", "Midterm Exam", "Final Exam"};

    private CourseStructure structure;
    private GradingPolicy policy;
    private Map<String, ProblemScore> scores;
    private Map<String, SubsectionOverride> overrides;

    @Setup
    public void setUp() {
        Random random = new Random(1000);
        List<SubsectionDefinition> subsections = new ArrayList<>();
        scores = new HashMap<>();
        for (int s = 0; s < 50; s++) {
            List<ProblemDefinition> problems = new ArrayList<>();
            for (int p = 0; p < 20; p++) {
                String key = "block-v1:Org+Course+Run+type@problem+block@s" + s + "p" + p;
                problems.add(new ProblemDefinition(key, 1 + random.nextInt(3), p % 4 == 0 ? 2.0 : null));
                if (random.nextInt(5) > 0) {
                    double possible = 1 + random.nextInt(3);
                    scores.put(key, new ProblemScore(random.nextInt((int) possible + 1), possible));
                }
            }
            String format = s < 30 ? FORMATS[0] : s < 44 ? FORMATS[1] : s < 49 ? FORMATS[2] : FORMATS[3];
            subsections.add(new SubsectionDefinition("block-v1:Org+Course+Run+type@sequential+block@s" + s, null,
                    true, format, null, problems));
        }
        structure = new CourseStructure("course-v1:Org+Course+Run", 1, subsections);
        policy = new GradingPolicy(1, List.of(new AssignmentType("Homework", 12, 2, 0.15, "HW"),
                new AssignmentType("Lab", 12, 2, 0.15, "Lab"), new AssignmentType("Midterm Exam", 1, 0, 0.3, "Midterm"),
                new AssignmentType("Final Exam", 1, 0, 0.4, "Final")), Map.of("A", 0.9, "B", 0.8, "C", 0.7, "D", 0.6));
        overrides = Map.of(subsections.get(3).key(), new SubsectionOverride(5.0, 10.0, null, null));
        if (structure.problemCount() != 1_000) {
            throw new IllegalStateException("expected 1,000 problems");
        }
    }

    @Benchmark
    public CourseGrade oneLearnersCourseGrade() {
        return CourseGradeCalculator.grade(structure, policy, scores, overrides);
    }
}
