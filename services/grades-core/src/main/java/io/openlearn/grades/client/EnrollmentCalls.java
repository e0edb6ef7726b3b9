package io.openlearn.grades.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.client.ServiceClients;
import io.openlearn.kit.client.UpstreamRefused;
import io.openlearn.kit.courseware.GroupAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * enrollment at {@code openlearn.grading.enrollment-url}: the roster (all of it, one track's, one cohort's) and
 * learners' groups, each read with a 5 s
 * deadline, one immediate retry and a circuit breaker
 * ({@code io.openlearn.grades.client.EnrollmentCalls/roster/Timeout/value}).
 */
@ApplicationScoped
class EnrollmentCalls {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(UUID userId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Roster(List<Item> items, String nextCursor) {
    }

    record GroupsRequest(List<UUID> userIds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LearnerGroups(UUID userId, Boolean active, List<GroupAccess.Group> groups) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GroupsPage(List<LearnerGroups> items) {
    }

    private final EnrollmentApi api;
    private final LearnerGroupsApi groupsApi;
    private final CohortMembersApi cohortsApi;

    EnrollmentCalls(ServiceClients clients, GradingConfig config) {
        this.api = clients.client(EnrollmentApi.class, config.enrollmentUrl());
        this.groupsApi = clients.client(LearnerGroupsApi.class, config.enrollmentUrl());
        this.cohortsApi = clients.client(CohortMembersApi.class, config.enrollmentUrl());
    }

    /** A read, though a POST (the ids travel in the body), so it is retried like the roster. */
    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public GroupsPage groups(String courseKey, List<UUID> learners) {
        return groupsApi.groups(courseKey, new GroupsRequest(learners));
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Roster roster(String courseKey, int limit, String after) {
        return api.roster(courseKey, true, null, limit, after);
    }

    /** Active learners in one mode (enrollment track). */
    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Roster rosterInMode(String courseKey, String mode, int limit, String after) {
        return api.roster(courseKey, true, mode, limit, after);
    }

    @Timeout(5000)
    @Retry(maxRetries = 1, delay = 0, jitter = 0,
            abortOn = {UpstreamRefused.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = UpstreamRefused.class)
    public Roster cohortMembers(String courseKey, UUID cohortId, int limit, String after) {
        return cohortsApi.members(courseKey, cohortId, limit, after);
    }
}
