package io.openlearn.enrollment.service;

import io.openlearn.enrollment.domain.CourseRules;
import io.openlearn.enrollment.domain.EnrollmentMode;
import io.openlearn.enrollment.repository.CourseRulesRepository;
import io.openlearn.enrollment.repository.EnrollmentEntity;
import io.openlearn.enrollment.repository.EnrollmentRepository;
import io.openlearn.events.EnrollmentChanged;
import io.openlearn.events.Events;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Enroll and unenroll, idempotently. A learner enrolls only themselves, in a free mode, inside the window and, for
 * invitation-only runs, from the allow-list; course staff and services may enroll anyone in any mode. Capacity holds
 * for everyone: a capped run's rules row is locked while seats are counted, so parallel requests for the last seat
 * produce exactly one enrollment; uncapped runs take no lock. An automatically cohorted run places the learner in
 * a cohort in the same transaction.
 */
@ApplicationScoped
public class EnrollmentService {

    static final Set<EnrollmentMode> SELF_SERVICE_MODES = Set.of(EnrollmentMode.AUDIT, EnrollmentMode.HONOR);

    private final EnrollmentRepository enrollments;
    private final CourseRulesRepository rules;
    private final OutboxWriter outbox;
    private final CohortService cohorts;

    public EnrollmentService(EnrollmentRepository enrollments, CourseRulesRepository rules, OutboxWriter outbox,
            CohortService cohorts) {
        this.enrollments = enrollments;
        this.rules = rules;
        this.outbox = outbox;
        this.cohorts = cohorts;
    }

    public record Outcome(EnrollmentEntity enrollment, boolean changed) {
    }

    @Transactional
    public Outcome enroll(Caller caller, UUID learner, String courseKey, EnrollmentMode mode) {
        boolean privileged = CoursePermissions.isTeamOrService(caller, courseKey);
        if (!privileged && !caller.userId().equals(learner)) {
            throw new ProblemException(403, "You may enroll only yourself.");
        }
        if (!privileged && !SELF_SERVICE_MODES.contains(mode)) {
            throw new ProblemException(403, "Learners choose audit or honor; other modes come with verification.");
        }
        Instant now = Instant.now();
        enrollments.lockLearnerInCourse(learner, courseKey);
        CourseRules course = rules.forEnrollment(courseKey)
                .orElseThrow(() -> new ProblemException(404, "No open course run " + courseKey + " is known."));
        EnrollmentEntity existing = enrollments.find(learner, courseKey).orElse(null);
        if (existing != null && existing.active) {
            return changeMode(caller, existing, mode, now);
        }
        if (!privileged && !course.windowOpenAt(now)) {
            throw new ProblemException(409, "Enrollment in " + courseKey + " is closed.");
        }
        if (!privileged && course.invitationOnly() && !rules.isAllowed(courseKey, learner)) {
            throw new ProblemException(403, courseKey + " is by invitation only.");
        }
        if (course.maxEnrollments() != null && !course.hasRoomFor(rules.activeEnrollments(courseKey))) {
            throw new ProblemException(409, courseKey + " is full (" + course.maxEnrollments() + " seats).");
        }
        EnrollmentEntity enrollment = existing != null ? existing : newEnrollment(learner, courseKey, now);
        String previous = existing == null ? null : existing.mode;
        enrollment.mode = mode.wireName();
        enrollment.active = true;
        enrollment.updatedAt = now;
        enrollments.persist(enrollment);
        enrollments.recordHistory(learner, courseKey, "ENROLL", previous, enrollment.mode, caller.username(), now);
        announce(enrollment, EnrollmentChanged.Change.enrolled, previous);
        cohorts.placeOnEnrollment(learner, courseKey, caller.username(), now);
        return new Outcome(enrollment, true);
    }

    @Transactional
    public boolean unenroll(Caller caller, UUID learner, String courseKey) {
        if (!CoursePermissions.isTeamOrService(caller, courseKey) && !caller.userId().equals(learner)) {
            throw new ProblemException(403, "You may unenroll only yourself.");
        }
        enrollments.lockLearnerInCourse(learner, courseKey);
        EnrollmentEntity enrollment = enrollments.find(learner, courseKey).orElse(null);
        if (enrollment == null || !enrollment.active) {
            return false;
        }
        Instant now = Instant.now();
        enrollment.active = false;
        enrollment.updatedAt = now;
        enrollments.recordHistory(learner, courseKey, "UNENROLL", enrollment.mode, enrollment.mode,
                caller.username(), now);
        announce(enrollment, EnrollmentChanged.Change.unenrolled, enrollment.mode);
        return true;
    }

    /** Whether a learner is actively enrolled: asked by the learner themselves, the course's staff or a service. */
    public boolean isActive(Caller caller, UUID learner, String courseKey) {
        if (!learner.equals(caller.userId()) && !CoursePermissions.isTeamOrService(caller, courseKey)) {
            throw new ProblemException(403, "You may check only your own enrollment.");
        }
        return isActive(learner, courseKey);
    }

    public boolean isActive(UUID learner, String courseKey) {
        return enrollments.isActive(learner, courseKey);
    }

    private Outcome changeMode(Caller caller, EnrollmentEntity enrollment, EnrollmentMode mode, Instant now) {
        if (enrollment.mode.equals(mode.wireName())) {
            return new Outcome(enrollment, false);
        }
        String previous = enrollment.mode;
        enrollment.mode = mode.wireName();
        enrollment.updatedAt = now;
        enrollments.recordHistory(enrollment.userId, enrollment.courseKey, "MODE_CHANGE", previous, enrollment.mode,
                caller.username(), now);
        // a mode change can change what counts for grades: it goes to the grades STREAM like any learner change
        announce(enrollment, EnrollmentChanged.Change.mode_changed, previous);
        return new Outcome(enrollment, true);
    }

    private static EnrollmentEntity newEnrollment(UUID learner, String courseKey, Instant now) {
        EnrollmentEntity enrollment = new EnrollmentEntity();
        enrollment.id = UUID.randomUUID();
        enrollment.userId = learner;
        enrollment.courseKey = courseKey;
        enrollment.createdAt = now;
        return enrollment;
    }

    private void announce(EnrollmentEntity enrollment, EnrollmentChanged.Change change, String previousMode) {
        outbox.append(Events.ENROLLMENT_CHANGED, enrollment.userId.toString(), new EnrollmentChanged(
                enrollment.userId, enrollment.courseKey, change, enrollment.mode, previousMode, enrollment.active));
    }
}
