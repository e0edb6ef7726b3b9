package io.openlearn.grades.service;

import io.openlearn.events.Events;
import io.openlearn.events.GradeOverrideChanged;
import io.openlearn.grades.client.CourseRun;
import io.openlearn.grades.client.PolicyClient;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.grades.domain.GradeFreeze;
import io.openlearn.grades.domain.SubsectionOverride;
import io.openlearn.grades.repository.OverrideRecord;
import io.openlearn.grades.repository.OverrideRepository;
import io.openlearn.grades.repository.Transactions;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Staff overrides of a subsection grade. The override and its history line are stored with a
 * {@code grade.override.changed} event in one transaction; grades-worker's STREAM recomputes the learner from it.
 */
@ApplicationScoped
public class OverrideService {

    private final Transactions db;
    private final OverrideRepository overrides;
    private final OutboxWriter outbox;
    private final CourseGrading grading;
    private final PolicyClient policies;
    private final GradeFreeze freeze;

    public OverrideService(Transactions db, OverrideRepository overrides, OutboxWriter outbox, CourseGrading grading,
            PolicyClient policies, GradingConfig config) {
        this.db = db;
        this.overrides = overrides;
        this.outbox = outbox;
        this.grading = grading;
        this.policies = policies;
        this.freeze = new GradeFreeze(config.freezeAfterEnd());
    }

    /** Values and the reason for setting them, read from the request once the caller may set an override. */
    public record Change(SubsectionOverride values, String reason) {
    }

    /** The course team sets a learner's subsection override (403 for anyone else, before the change is read). */
    public OverrideRecord set(Caller caller, String courseKey, UUID learner, String subsectionKey,
            Supplier<Change> change) {
        requireTeam(caller, courseKey);
        Change read = change.get();
        return set(courseKey, learner, subsectionKey, read.values(), read.reason(), caller.name(), caller.isAdmin());
    }

    /** The course team clears a learner's subsection override, saying why ({@code reason} read after the check). */
    public void clear(Caller caller, String courseKey, UUID learner, String subsectionKey, Supplier<String> reason) {
        requireTeam(caller, courseKey);
        clear(courseKey, learner, subsectionKey, reason.get(), caller.name(), caller.isAdmin());
    }

    public List<OverrideRecord> history(Caller caller, String courseKey, UUID learner, int limit) {
        requireTeam(caller, courseKey);
        return history(courseKey, learner, limit);
    }

    private static void requireTeam(Caller caller, String courseKey) {
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, courseKey),
                "Only the course's staff may do this.");
    }

    OverrideRecord set(String courseKey, UUID learner, String subsectionKey, SubsectionOverride values,
            String reason, String actor, boolean admin) {
        checkChangeable(courseKey, subsectionKey, admin);
        OverrideRecord record = new OverrideRecord(UUID.randomUUID(), courseKey, learner, subsectionKey, "set", values,
                reason, actor, Instant.now());
        db.inNew(c -> {
            overrides.set(c, record);
            outbox.append(Events.GRADE_OVERRIDE_CHANGED, courseKey, new GradeOverrideChanged(courseKey, learner,
                    subsectionKey, record.id(), GradeOverrideChanged.Action.set, admin));
            return null;
        });
        return record;
    }

    void clear(String courseKey, UUID learner, String subsectionKey, String reason, String actor,
            boolean admin) {
        checkChangeable(courseKey, subsectionKey, admin);
        OverrideRecord clearing = new OverrideRecord(null, courseKey, learner, subsectionKey, "cleared", null, reason,
                actor, Instant.now());
        boolean cleared = db.inNew(c -> overrides.clear(c, clearing).map(id -> {
            outbox.append(Events.GRADE_OVERRIDE_CHANGED, courseKey, new GradeOverrideChanged(courseKey, learner,
                    subsectionKey, id, GradeOverrideChanged.Action.cleared, admin));
            return true;
        }).orElse(false));
        if (!cleared) {
            throw new ProblemException(404, "No override of " + subsectionKey + " for this learner.");
        }
    }

    List<OverrideRecord> history(String courseKey, UUID learner, int limit) {
        return db.read(c -> overrides.history(c, courseKey, learner, limit));
    }

    private void checkChangeable(String courseKey, String subsectionKey, boolean admin) {
        if (grading.of(courseKey).structure().subsection(subsectionKey).isEmpty()) {
            throw new ProblemException(404, "Course " + courseKey + " has no subsection " + subsectionKey + ".");
        }
        Instant end = policies.run(courseKey).map(CourseRun::end).orElse(null);
        if (!admin && freeze.frozen(end, Instant.now())) {
            throw new ProblemException(409, "Grades of " + courseKey + " are frozen since " + end.plus(
                    freeze.afterEnd()) + "; only an admin may override them now.");
        }
    }

}
