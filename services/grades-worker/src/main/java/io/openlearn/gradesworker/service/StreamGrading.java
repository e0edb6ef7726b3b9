package io.openlearn.gradesworker.service;

import io.openlearn.events.CohortMembershipChanged;
import io.openlearn.events.EnrollmentChanged;
import io.openlearn.events.GradeOverrideChanged;
import io.openlearn.events.LearnerScore;
import io.openlearn.events.SubmissionScoreReset;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.GradeRepository;
import io.openlearn.grades.repository.ScoreProjectionRepository;
import io.openlearn.grades.repository.ScoreUpdate;
import io.openlearn.kit.courseware.CoursewareFacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * STREAM: one learner's event, graded now. A score enters the projection only if its sequence is newer than the
 * stored one, so a duplicate or an older score arriving late changes nothing and grades nothing.
 */
@ApplicationScoped
public class StreamGrading {

    private final ScoreProjectionRepository scores;
    private final GradeRepository grades;
    private final LearnerGrading grading;
    private final CoursewareFacts enrollment;

    public StreamGrading(ScoreProjectionRepository scores, GradeRepository grades, LearnerGrading grading,
            CoursewareFacts enrollment) {
        this.scores = scores;
        this.grades = grades;
        this.enrollment = enrollment;
        this.grading = grading;
    }

    /**
     * @param event the record of a learner-driven event (platform-events)
     * @return empty outcome (0 learners) when the event changed nothing
     */
    public GradeOutcome handle(Object event) {
        if (event instanceof LearnerScore score) {
            return score(score);
        }
        if (event instanceof EnrollmentChanged change) {
            return enrollment(change.courseKey(), change.userId(), change.change());
        }
        if (event instanceof CohortMembershipChanged move) {
            return cohort(move);
        }
        if (event instanceof GradeOverrideChanged override) {
            return grading.inTransaction(override.courseKey(), List.of(override.userId()),
                    (db, basis) -> grading.regrade(db, basis,
                            List.of(override.userId()), new Cause("override", override.overrideId().toString(),
                                    override.byAdmin())));
        }
        throw new IllegalArgumentException("STREAM does not handle " + event.getClass().getSimpleName());
    }

    /**
     * An enrollment change recomputes the learner (a mode change can change what counts). Leaving a course the
     * learner was never graded in creates no grade: a first 0 would put a learner who left into the gradebook.
     * Whether the learner is enrolled is asked of enrollment, before the transaction, rather than read off the event:
     * events of one learner may arrive out of order, the owner's answer is the current one.
     */
    private GradeOutcome enrollment(String courseKey, UUID learner, EnrollmentChanged.Change change) {
        // in a course restricted to groups the basis' groups answer says it: one call to enrollment, not two
        Optional<Boolean> asked = grading.asksForGroups(courseKey) ? Optional.empty()
                : Optional.of(enrollment.enrolledNow(learner, courseKey));
        // a mode change moves the learner to another enrollment track: the history says "track"
        Cause cause = change == EnrollmentChanged.Change.mode_changed ? Cause.of("track", change.name())
                : Cause.of("enrollment", change.name());
        return grading.inTransaction(courseKey, List.of(learner), (db, basis) -> {
            // a course that stopped restricting in between: read again; the message comes back and asks enrollment
            boolean active = asked.or(() -> basis.activeIfAsked(learner))
                    .orElseThrow(() -> new GradingBasis.Moved(courseKey));
            grades.lockLearners(db, courseKey, List.of(learner));
            grades.markEnrolled(db, courseKey, learner, active);
            GradeOutcome outcome = change == EnrollmentChanged.Change.unenrolled
                    && grades.courseGrades(db, courseKey, List.of(learner)).isEmpty()
                            ? GradeOutcome.skipped(0, GradeOutcome.Skipped.NONE)
                            : grading.regrade(db, basis, List.of(learner), cause);
            // an enrollment change is a change of the learner's groups (the track's, none once they left)
            grading.groupsChanged(db, courseKey, learner);
            return outcome;
        });
    }

    /**
     * A cohort move can change which blocks the learner sees, so it recomputes them; the groups are read from
     * enrollment before the transaction (the event says what changed, the owner what holds now), and the move is
     * recorded as handled, so a recompute that read the groups before it starts over.
     */
    private GradeOutcome cohort(CohortMembershipChanged move) {
        return grading.inTransaction(move.courseKey(), List.of(move.userId()), (db, basis) -> {
            GradeOutcome outcome = grading.regrade(db, basis, List.of(move.userId()),
                    Cause.of("cohort", move.cohortId().toString()));
            grading.groupsChanged(db, move.courseKey(), move.userId());
            return outcome;
        });
    }

    private GradeOutcome score(LearnerScore event) {
        ScoreUpdate score = ScoreUpdate.of(event);
        String kind = event instanceof SubmissionScoreReset ? "score-reset" : "score";
        String courseKey = score.courseKey();
        UUID learner = score.userId();
        return grading.inTransaction(courseKey, List.of(learner), (db, basis) -> {
            grades.lockLearners(db, courseKey, List.of(learner));
            if (!scores.apply(db, score)) {
                return GradeOutcome.skipped(0, GradeOutcome.Skipped.NONE);
            }
            return grading.regrade(db, basis, List.of(learner), Cause.of(kind, score.scoreId().toString()));
        });
    }
}
