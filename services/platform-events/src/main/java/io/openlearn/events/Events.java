package io.openlearn.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type the platform publishes, as {@code contracts/events.asyncapi.yaml} lists them. */
public final class Events {

    public static final EventType<AuthRoleChanged> AUTH_ROLE_CHANGED =
            new EventType<>("auth.role.changed", AuthRoleChanged.class);
    public static final EventType<CourseRunChanged> COURSE_RUN_CHANGED =
            new EventType<>("course.run.changed", CourseRunChanged.class);
    public static final EventType<CourseGradingPolicyChanged> COURSE_GRADING_POLICY_CHANGED =
            new EventType<>("course.grading-policy.changed", CourseGradingPolicyChanged.class);
    public static final EventType<ContentCoursePublished> CONTENT_COURSE_PUBLISHED =
            new EventType<>("content.course.published", ContentCoursePublished.class);
    public static final EventType<EnrollmentChanged> ENROLLMENT_CHANGED =
            new EventType<>("enrollment.changed", EnrollmentChanged.class);
    public static final EventType<CohortMembershipChanged> COHORT_MEMBERSHIP_CHANGED =
            new EventType<>("cohort.membership.changed", CohortMembershipChanged.class);
    public static final EventType<SubmissionScored> SUBMISSION_SCORED =
            new EventType<>("submission.scored", SubmissionScored.class);
    public static final EventType<SubmissionScoreReset> SUBMISSION_SCORE_RESET =
            new EventType<>("submission.score-reset", SubmissionScoreReset.class);
    public static final EventType<GradeOverrideChanged> GRADE_OVERRIDE_CHANGED =
            new EventType<>("grade.override.changed", GradeOverrideChanged.class);
    public static final EventType<GradeJobRequested> GRADE_REGRADE_REQUESTED =
            new EventType<>("grade.regrade.requested", GradeJobRequested.class);
    public static final EventType<GradeJobRequested> GRADE_RESCORE_REQUESTED =
            new EventType<>("grade.rescore.requested", GradeJobRequested.class);
    public static final EventType<GradeJobRequested> GRADE_REPORT_REQUESTED =
            new EventType<>("grade.report.requested", GradeJobRequested.class);
    public static final EventType<GradeJobRequested> GRADE_RESYNC_REQUESTED =
            new EventType<>("grade.resync.requested", GradeJobRequested.class);
    public static final EventType<GradeCourseChanged> GRADE_COURSE_CHANGED =
            new EventType<>("grade.course.changed", GradeCourseChanged.class);
    public static final EventType<GradeCoursePassed> GRADE_COURSE_PASSED =
            new EventType<>("grade.course.passed", GradeCoursePassed.class);
    public static final EventType<GradeGateChanged> GRADE_GATE_CHANGED =
            new EventType<>("grade.gate.changed", GradeGateChanged.class);

    public static final List<EventType<?>> ALL = List.of(AUTH_ROLE_CHANGED, COURSE_RUN_CHANGED,
            COURSE_GRADING_POLICY_CHANGED, CONTENT_COURSE_PUBLISHED, ENROLLMENT_CHANGED, COHORT_MEMBERSHIP_CHANGED,
            SUBMISSION_SCORED,
            SUBMISSION_SCORE_RESET, GRADE_OVERRIDE_CHANGED, GRADE_REGRADE_REQUESTED, GRADE_RESCORE_REQUESTED,
            GRADE_REPORT_REQUESTED, GRADE_RESYNC_REQUESTED, GRADE_COURSE_CHANGED, GRADE_COURSE_PASSED,
            GRADE_GATE_CHANGED);

    private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private Events() {
    }

    /** The type of a received event's CloudEvents {@code type}; empty for a type this platform does not publish. */
    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
