package io.openlearn.enrollment.service;

import io.openlearn.enrollment.client.UserDirectoryClient;
import io.openlearn.enrollment.domain.EnrollmentMode;
import io.openlearn.enrollment.repository.CourseRulesRepository;
import io.openlearn.enrollment.repository.EnrollmentEntity;
import io.openlearn.enrollment.repository.EnrollmentRepository;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What course staff see and manage of a run's learners: the roster, counts, the allow-list, bulk changes. */
@ApplicationScoped
public class CourseRosterService {

    private final EnrollmentRepository enrollments;
    private final CourseRulesRepository rules;
    private final EnrollmentService enrollmentService;
    private final KnownLearners knownLearners;
    private final UserDirectoryClient directory;

    public CourseRosterService(EnrollmentRepository enrollments, CourseRulesRepository rules,
            EnrollmentService enrollmentService, KnownLearners knownLearners,
            UserDirectoryClient directory) {
        this.enrollments = enrollments;
        this.rules = rules;
        this.enrollmentService = enrollmentService;
        this.knownLearners = knownLearners;
        this.directory = directory;
    }

    /**
     * Usernames become ids at auth, for the course's staff only (403 before auth is asked); an unknown username fails
     * the request (nothing is enrolled).
     */
    public List<String> idsOf(Caller caller, String courseKey, List<String> usernames) {
        requireStaff(caller, courseKey);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < usernames.size(); i++) {
            String username = usernames.get(i);
            try {
                int index = i;
                ids.add(directory.idOf(username).orElseThrow(() -> ProblemException.invalid("usernames[" + index + "]",
                        "no platform user named " + username)).toString());
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException e) {
                // auth unreachable, or no service token to ask it with
                throw new ProblemException(503, "The auth service could not resolve usernames; try again shortly.");
            }
        }
        return ids;
    }

    public record BulkResult(UUID userId, String outcome, int status, String detail) {
    }

    @Transactional
    public List<EnrollmentEntity> page(Caller caller, String courseKey, String mode, Boolean active,
            Instant afterCreated, UUID afterId, int limit) {
        requireStaff(caller, courseKey);
        return enrollments.page(courseKey, mode, active, afterCreated, afterId, limit);
    }

    @Transactional
    public Map<String, Long> counts(Caller caller, String courseKey) {
        requireStaff(caller, courseKey);
        return enrollments.activeCountsByMode(courseKey);
    }

    @Transactional
    public List<UUID> allowList(Caller caller, String courseKey) {
        requireStaff(caller, courseKey);
        return rules.allowList(courseKey);
    }

    /**
     * Admits a learner to the allow-list. Ids are minted by auth when a person first signs in, so an id auth does not
     * know can never match anyone: it is refused (422) like an enrollment, asked before the write's transaction.
     */
    public void allow(Caller caller, String courseKey, UUID learner) {
        requireStaff(caller, courseKey);
        knownLearners.require(caller, courseKey, learner);
        QuarkusTransaction.requiringNew().run(() -> rules.allow(courseKey, learner, caller.username()));
    }

    @Transactional
    public void disallow(Caller caller, String courseKey, UUID learner) {
        requireStaff(caller, courseKey);
        rules.disallow(courseKey, learner);
    }

    /**
     * Applies one action to many learners, each in its own transaction: an item fails alone (full course, an id auth
     * does not know) and is reported, the others stand, and no item is ever half applied. Before enrolling, every
     * distinct id is checked at auth first, outside any transaction; if auth cannot answer, nothing is applied (503).
     * Unenrolling needs no check, so stray rows of unknown ids can still be removed.
     */
    public List<BulkResult> bulk(Caller caller, String courseKey, boolean enroll, EnrollmentMode mode,
            List<UUID> learners) {
        requireStaff(caller, courseKey);
        Set<UUID> unknown = enroll ? knownLearners.unknownAmong(caller, courseKey, learners) : Set.of();
        List<BulkResult> results = new ArrayList<>();
        for (UUID learner : learners) {
            if (unknown.contains(learner)) {
                ProblemException refused = KnownLearners.unknown(learner);
                results.add(new BulkResult(learner, "failed", refused.status(), refused.getMessage()));
                continue;
            }
            try {
                if (enroll) {
                    boolean changed = enrollmentService.enroll(caller, learner, courseKey, mode).changed();
                    results.add(new BulkResult(learner, changed ? "enrolled" : "unchanged", 200, null));
                } else {
                    boolean changed = enrollmentService.unenroll(caller, learner, courseKey);
                    results.add(new BulkResult(learner, changed ? "unenrolled" : "unchanged", 200, null));
                }
            } catch (ProblemException e) {
                results.add(new BulkResult(learner, "failed", e.toProblem(null).status(), e.getMessage()));
            } catch (RuntimeException e) {
                // the item's own transaction rolled back; the others stand and the caller learns which failed
                results.add(new BulkResult(learner, "failed", 500, "The enrollment could not be stored."));
            }
        }
        return results;
    }

    private static void requireStaff(Caller caller, String courseKey) {
        if (!CoursePermissions.isTeamOrService(caller, courseKey)) {
            throw new ProblemException(403, "Only the staff of " + courseKey + " see or manage its learners.");
        }
    }
}
