package io.openlearn.gradesworker.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.ScoreProjectionRepository;
import io.openlearn.grades.repository.ScoreUpdate;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.gradesworker.client.SubmissionClient;
import io.openlearn.kit.courseware.CoursewareFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * STREAM: one learner's event, graded now. A score enters the projection only if its sequence is newer than the
 * stored one, so a duplicate or an older score arriving late changes nothing and grades nothing.
 */
@ApplicationScoped
public class StreamGrading {

    private final Transactions transactions;
    private final ScoreProjectionRepository scores;
    private final GradeRepository grades;
    private final LearnerGrading grading;
    private final CoursewareFacts enrollment;

    public StreamGrading(Transactions transactions, ScoreProjectionRepository scores, GradeRepository grades,
            LearnerGrading grading, CoursewareFacts enrollment) {
        this.transactions = transactions;
        this.scores = scores;
        this.grades = grades;
        this.enrollment = enrollment;
        this.grading = grading;
    }

    /** @return empty outcome (0 learners) when the event changed nothing */
    public GradeOutcome handle(String type, JsonNode data) {
        String courseKey = data.path("courseKey").asText();
        UUID learner = UUID.fromString(data.path("userId").asText());
        return switch (type) {
            case "submission.scored", "submission.score-reset" -> score(type, data, courseKey, learner);
            case "enrollment.changed" -> enrollment(courseKey, learner, data.path("change").asText());
            case "grade.override.changed" -> transactions.inNew(db -> grading.regrade(db, courseKey,
                    List.of(learner), new Cause("override", data.path("overrideId").asText(),
                            data.path("byAdmin").asBoolean())));
            default -> throw new IllegalArgumentException("STREAM does not handle " + type);
        };
    }

    /**
     * An enrollment change recomputes the learner (a mode change can change what counts). Leaving a course the
     * learner was never graded in creates no grade: a first 0 would put a learner who left into the gradebook.
     * Whether the learner is enrolled is asked of enrollment, before the transaction, rather than read off the event:
     * events of one learner may arrive out of order, the owner's answer is the current one.
     */
    private GradeOutcome enrollment(String courseKey, UUID learner, String change) {
        boolean active = enrollment.enrolledNow(learner, courseKey);
        return transactions.inNew(db -> {
            grades.lockLearners(db, courseKey, List.of(learner));
            grades.markEnrolled(db, courseKey, learner, active);
            if ("unenrolled".equals(change) && grades.courseGrades(db, courseKey, List.of(learner)).isEmpty()) {
                return GradeOutcome.skipped(0, GradeOutcome.Skipped.NONE);
            }
            return grading.regrade(db, courseKey, List.of(learner), Cause.of("enrollment", change));
        });
    }

    private GradeOutcome score(String type, JsonNode data, String courseKey, UUID learner) {
        ScoreUpdate score = SubmissionClient.score(courseKey, data);
        String kind = "submission.scored".equals(type) ? "score" : "score-reset";
        return transactions.inNew(db -> {
            grades.lockLearners(db, courseKey, List.of(learner));
            if (!scores.apply(db, score)) {
                return GradeOutcome.skipped(0, GradeOutcome.Skipped.NONE);
            }
            return grading.regrade(db, courseKey, List.of(learner), Cause.of(kind, score.scoreId().toString()));
        });
    }
}
