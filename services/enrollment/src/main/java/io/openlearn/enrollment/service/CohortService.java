package io.openlearn.enrollment.service;

import io.openlearn.enrollment.client.ContentGroupsClient;
import io.openlearn.enrollment.domain.Cohort;
import io.openlearn.enrollment.domain.CohortAssignment;
import io.openlearn.enrollment.domain.CohortScheme;
import io.openlearn.enrollment.domain.ContentGroupLink;
import io.openlearn.enrollment.domain.EnrollmentMode;
import io.openlearn.enrollment.domain.LearnerGroups;
import io.openlearn.enrollment.repository.CohortRepository;
import io.openlearn.enrollment.repository.CohortRepository.Settings;
import io.openlearn.enrollment.repository.EnrollmentEntity;
import io.openlearn.enrollment.repository.EnrollmentRepository;
import io.openlearn.events.CohortMembershipChanged;
import io.openlearn.events.CohortMembershipChanged.Cause;
import io.openlearn.events.Events;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import io.openlearn.outbox.OutboxWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run's cohorts: the setting, named cohorts and their content groups, placing and moving learners (one, in bulk,
 * or automatically on enrollment), and the groups a learner is in. The course team manages cohorts; a learner reads
 * only their own groups and history. Every placement that changes a learner's cohort is kept in the history and
 * announced ({@code cohort.membership.changed}) in the same transaction.
 */
@ApplicationScoped
public class CohortService {

    /** The cohort Open edX creates for automatic placement when a run has none. */
    static final String DEFAULT_COHORT = "Default Group";

    private final CohortRepository cohorts;
    private final EnrollmentRepository enrollments;
    private final OutboxWriter outbox;
    private final ContentGroupsClient contentGroups;

    public CohortService(CohortRepository cohorts, EnrollmentRepository enrollments, OutboxWriter outbox,
            ContentGroupsClient contentGroups) {
        this.cohorts = cohorts;
        this.enrollments = enrollments;
        this.outbox = outbox;
        this.contentGroups = contentGroups;
    }

    public record CohortView(Cohort cohort, long members) {
    }

    /** A learner's cohort after a placement, and whether the placement changed it. */
    public record Placement(UUID userId, Cohort cohort, boolean changed) {
    }

    @Transactional
    public Settings settings(Caller caller, String courseKey) {
        requireTeam(caller, courseKey);
        return cohorts.settings(courseKey);
    }

    @Transactional
    public Settings configure(Caller caller, String courseKey, CohortScheme scheme, CohortAssignment assignment) {
        requireTeam(caller, courseKey);
        cohorts.saveSettings(courseKey, scheme, assignment, caller.username(), Instant.now());
        return cohorts.settings(courseKey);
    }

    @Transactional
    public List<CohortView> list(Caller caller, String courseKey) {
        requireTeam(caller, courseKey);
        Map<UUID, Long> counts = cohorts.memberCounts(courseKey);
        return cohorts.cohorts(courseKey).stream()
                .map(c -> new CohortView(c, counts.getOrDefault(c.id(), 0L))).toList();
    }

    @Transactional
    public CohortView get(Caller caller, String courseKey, UUID cohortId) {
        requireTeam(caller, courseKey);
        Cohort cohort = existing(courseKey, cohortId);
        return new CohortView(cohort, cohorts.memberCounts(courseKey).getOrDefault(cohortId, 0L));
    }

    /** A new cohort; a link must name a content group the course declares (content is asked first). */
    public Cohort create(Caller caller, String courseKey, String name, ContentGroupLink contentGroup) {
        requireTeam(caller, courseKey);
        contentGroups.requireDeclared(courseKey, contentGroup);
        return QuarkusTransaction.requiringNew().call(() -> {
            requireFreeName(courseKey, name, null);
            Cohort cohort = new Cohort(UUID.randomUUID(), courseKey, name, contentGroup);
            cohorts.insert(cohort, Instant.now());
            return cohort;
        });
    }

    /**
     * Renames a cohort or links it to another content group. The link of a cohort with members stays: changing it
     * would change what every member sees without a placement to announce, so its members are moved first.
     */
    public CohortView update(Caller caller, String courseKey, UUID cohortId, String name,
            ContentGroupLink contentGroup) {
        requireTeam(caller, courseKey);
        contentGroups.requireDeclared(courseKey, contentGroup);
        return QuarkusTransaction.requiringNew().call(() -> updated(courseKey, cohortId, name, contentGroup));
    }

    private CohortView updated(String courseKey, UUID cohortId, String name, ContentGroupLink contentGroup) {
        Cohort current = existing(courseKey, cohortId);
        requireFreeName(courseKey, name, cohortId);
        long members = cohorts.memberCounts(courseKey).getOrDefault(cohortId, 0L);
        if (members > 0 && !Objects.equals(current.contentGroup(), contentGroup)) {
            throw new ProblemException(409, "Cohort " + current.name() + " has " + members
                    + " members; move them to another cohort before changing its content group.");
        }
        Cohort updated = new Cohort(cohortId, courseKey, name, contentGroup);
        cohorts.update(updated);
        return new CohortView(updated, members);
    }

    @Transactional
    public List<CohortRepository.Member> members(Caller caller, String courseKey, UUID cohortId, UUID after,
            int limit) {
        requireTeam(caller, courseKey);
        existing(courseKey, cohortId);
        return cohorts.members(cohortId, after, limit);
    }

    /** Places an actively enrolled learner in a cohort of a cohorted run, or moves them there (staff). */
    @Transactional
    public Placement place(Caller caller, String courseKey, UUID cohortId, UUID learner) {
        requireTeam(caller, courseKey);
        requireCohorted(courseKey);
        Cohort cohort = existing(courseKey, cohortId);
        enrollments.lockLearnerInCourse(learner, courseKey);
        if (!enrollments.isActive(learner, courseKey)) {
            throw new ProblemException(409, "Learner " + learner + " is not actively enrolled in " + courseKey + ".");
        }
        boolean changed = move(courseKey, learner, cohort, Cause.manual, caller.username(), Instant.now());
        return new Placement(learner, cohort, changed);
    }

    /**
     * Places every row's learner in its cohort in one transaction. Called with rows already checked against the
     * run's cohorts and enrollments ({@link CohortUpload}); a row that no longer holds fails the whole request.
     */
    @Transactional
    public List<Placement> placeAll(Caller caller, String courseKey, List<CohortUpload.Row> rows) {
        requireTeam(caller, courseKey);
        requireCohorted(courseKey);
        Instant now = Instant.now();
        rows.stream().map(CohortUpload.Row::userId).sorted()
                .forEach(learner -> enrollments.lockLearnerInCourse(learner, courseKey));
        return rows.stream().map(row -> {
            if (!enrollments.isActive(row.userId(), courseKey)) {
                throw new ProblemException(409, "Row " + row.line() + ": learner " + row.userId()
                        + " is no longer actively enrolled; nothing was placed.");
            }
            return new Placement(row.userId(), row.cohort(),
                    move(courseKey, row.userId(), row.cohort(), Cause.bulk, caller.username(), now));
        }).toList();
    }

    /** The run's cohorts by name (lower case), for checking an upload: the team only. */
    @Transactional
    public Map<String, Cohort> cohortsByName(Caller caller, String courseKey) {
        requireTeam(caller, courseKey);
        requireCohorted(courseKey);
        Map<String, Cohort> byName = new HashMap<>();
        cohorts.cohorts(courseKey).forEach(c -> byName.put(c.name().toLowerCase(Locale.ROOT), c));
        return byName;
    }

    @Transactional
    public LearnerGroups groups(Caller caller, String courseKey, UUID learner) {
        CoursePermissions.require(CoursePermissions.isSelfOrTeam(caller, courseKey, learner),
                "You may read only your own groups.");
        Optional<EnrollmentEntity> enrollment = enrollments.find(learner, courseKey);
        Settings settings = cohorts.settings(courseKey);
        Cohort cohort = cohorts.membership(courseKey, learner).flatMap(id -> cohorts.cohort(courseKey, id))
                .orElse(null);
        return LearnerGroups.of(learner, courseKey, enrollment.map(e -> e.active).orElse(false),
                enrollment.map(e -> EnrollmentMode.fromWireName(e.mode)).orElse(null), settings.scheme(), cohort);
    }

    /**
     * The groups of many learners at once (course team and services): what grading reads for a slice of learners.
     * Three queries whatever the number of learners.
     */
    @Transactional
    public List<LearnerGroups> groupsOf(Caller caller, String courseKey, List<UUID> learners) {
        requireTeam(caller, courseKey);
        Map<UUID, EnrollmentEntity> enrollmentOf = new HashMap<>();
        enrollments.ofLearners(courseKey, learners).forEach(e -> enrollmentOf.put(e.userId, e));
        Settings settings = cohorts.settings(courseKey);
        Map<UUID, Cohort> byId = new HashMap<>();
        cohorts.cohorts(courseKey).forEach(c -> byId.put(c.id(), c));
        Map<UUID, UUID> cohortOf = cohorts.memberships(courseKey, learners);
        return learners.stream().map(learner -> {
            EnrollmentEntity enrollment = enrollmentOf.get(learner);
            return LearnerGroups.of(learner, courseKey, enrollment != null && enrollment.active,
                    enrollment == null ? null : EnrollmentMode.fromWireName(enrollment.mode), settings.scheme(),
                    byId.get(cohortOf.get(learner)));
        }).toList();
    }

    @Transactional
    public List<CohortRepository.HistoryEntry> history(Caller caller, String courseKey, UUID learner) {
        CoursePermissions.require(CoursePermissions.isSelfOrTeam(caller, courseKey, learner),
                "You may read only your own cohort history.");
        return cohorts.history(courseKey, learner);
    }

    /**
     * In the transaction of an enrollment that made the learner active: an automatically cohorted run places a
     * learner who is in none of its cohorts (creating its default cohort when it has none). The run's setting is
     * locked while the cohort is chosen, so round-robin counts every placement once.
     */
    void placeOnEnrollment(UUID learner, String courseKey, String actor, Instant now) {
        // most runs are not cohorted automatically: they take no lock
        if (cohorts.settings(courseKey).scheme() != CohortScheme.AUTOMATIC) {
            return;
        }
        Optional<Settings> settings = cohorts.lockSettings(courseKey);
        if (settings.isEmpty() || settings.get().scheme() != CohortScheme.AUTOMATIC
                || cohorts.membership(courseKey, learner).isPresent()) {
            return;
        }
        List<Cohort> candidates = cohorts.cohorts(courseKey);
        if (candidates.isEmpty()) {
            Cohort fallback = new Cohort(UUID.randomUUID(), courseKey, DEFAULT_COHORT, null);
            cohorts.insert(fallback, now);
            candidates = List.of(fallback);
        }
        Cohort chosen = settings.get().assignment().choose(candidates, settings.get().roundRobinNext(),
                ThreadLocalRandom.current());
        cohorts.advanceRoundRobin(courseKey);
        move(courseKey, learner, chosen, Cause.automatic, actor, now);
    }

    private boolean move(String courseKey, UUID learner, Cohort to, Cause cause, String actor, Instant now) {
        Optional<Cohort> from = cohorts.membership(courseKey, learner).flatMap(id -> cohorts.cohort(courseKey, id));
        if (from.isPresent() && from.get().id().equals(to.id())) {
            return false;
        }
        cohorts.place(courseKey, learner, to.id(), now);
        UUID previous = from.map(Cohort::id).orElse(null);
        cohorts.recordHistory(courseKey, learner, previous, to.id(), cause.name(), actor, now);
        ContentGroupLink before = from.map(Cohort::contentGroup).orElse(null);
        outbox.append(Events.COHORT_MEMBERSHIP_CHANGED, learner.toString(), new CohortMembershipChanged(learner,
                courseKey, to.id(), to.name(), previous, partition(to.contentGroup()), group(to.contentGroup()),
                partition(before), group(before), cause));
        return true;
    }

    private static Integer partition(ContentGroupLink link) {
        return link == null ? null : link.partitionId();
    }

    private static Integer group(ContentGroupLink link) {
        return link == null ? null : link.groupId();
    }

    private Cohort existing(String courseKey, UUID cohortId) {
        return cohorts.cohort(courseKey, cohortId)
                .orElseThrow(() -> new ProblemException(404, "No cohort " + cohortId + " in " + courseKey + "."));
    }

    private void requireFreeName(String courseKey, String name, UUID except) {
        if (cohorts.nameTaken(courseKey, name, except)) {
            throw new ProblemException(409, "A cohort named " + name + " already exists in " + courseKey + ".");
        }
    }

    private void requireCohorted(String courseKey) {
        if (cohorts.settings(courseKey).scheme() == CohortScheme.OFF) {
            throw new ProblemException(409, courseKey + " is not cohorted; turn cohorts on in its cohort settings.");
        }
    }

    private static void requireTeam(Caller caller, String courseKey) {
        CoursePermissions.require(CoursePermissions.isTeamOrService(caller, courseKey),
                "Only the course team manages the cohorts of " + courseKey + ".");
    }
}
