package io.openlearn.gradesworker.messaging;

import io.openlearn.events.Events;
import io.openlearn.events.GradeCourseChanged;
import io.openlearn.events.GradeCoursePassed;
import io.openlearn.events.GradeGateChanged;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.StoredCourseGrade;
import io.openlearn.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grade.course.changed} for every changed course grade, {@code grade.course.passed} the first time a
 * learner passes and {@code grade.gate.changed} for every gate fulfilled or lost, appended to the outbox in the
 * grading transaction with one statement for all of them.
 */
@ApplicationScoped
public class GradeEvents {

    /** One changed course grade; {@code before} is null for a first grade. */
    public record CourseGradeChange(StoredCourseGrade before, StoredCourseGrade after, Cause cause) {
    }

    private final OutboxWriter outbox;

    public GradeEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** @return how many events were appended */
    public int publish(List<CourseGradeChange> changes, List<GradeGateChanged> gates) {
        List<OutboxWriter.NewEvent<?>> events = new ArrayList<>();
        for (GradeGateChanged gate : gates) {
            events.add(new OutboxWriter.NewEvent<>(Events.GRADE_GATE_CHANGED, gate.courseKey(), gate));
        }
        for (CourseGradeChange change : changes) {
            StoredCourseGrade after = change.after();
            StoredCourseGrade before = change.before();
            events.add(new OutboxWriter.NewEvent<>(Events.GRADE_COURSE_CHANGED, after.courseKey(),
                    new GradeCourseChanged(after.courseKey(), after.userId(), after.percent(), after.letterGrade(),
                            after.passed(), before == null ? null : before.percent(),
                            before == null ? null : before.letterGrade(), before == null ? null : before.passed(),
                            after.policyVersion(), after.contentVersion(), change.cause().kind(),
                            change.cause().ref(), after.updatedAt())));
            boolean firstPass = after.firstPassedAt() != null && (before == null || before.firstPassedAt() == null);
            if (firstPass) {
                events.add(new OutboxWriter.NewEvent<>(Events.GRADE_COURSE_PASSED, after.courseKey(),
                        new GradeCoursePassed(after.courseKey(), after.userId(), after.percent(),
                                after.letterGrade(), after.firstPassedAt())));
            }
        }
        outbox.appendAll(events);
        return events.size();
    }
}
