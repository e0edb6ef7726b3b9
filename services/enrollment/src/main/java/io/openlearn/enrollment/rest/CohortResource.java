package io.openlearn.enrollment.rest;

import io.openlearn.enrollment.domain.Cohort;
import io.openlearn.enrollment.domain.CohortAssignment;
import io.openlearn.enrollment.domain.CohortScheme;
import io.openlearn.enrollment.domain.ContentGroupLink;
import io.openlearn.enrollment.domain.LearnerGroups;
import io.openlearn.enrollment.repository.CohortRepository;
import io.openlearn.enrollment.service.CohortService;
import io.openlearn.enrollment.service.CohortUpload;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A run's cohorts for its team (setting, cohorts, members, placing learners one at a time or from a CSV) and the
 * groups a learner is in, for the learner, the team and the services that decide what the learner sees.
 */
@Path("/api/enrollment/v1/courses/{courseKey}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CohortResource {

    private final CohortService cohorts;
    private final CohortUpload upload;
    private final CourseCaller callers;

    public CohortResource(CohortService cohorts, CohortUpload upload, CourseCaller callers) {
        this.cohorts = cohorts;
        this.upload = upload;
        this.callers = callers;
    }

    public record SettingsBody(@NotNull String scheme, String assignment) {
    }

    public record SettingsView(String courseKey, String scheme, String assignment, String updatedBy,
            Instant updatedAt) {
    }

    public record ContentGroupBody(@NotNull Integer partitionId, @NotNull Integer groupId) {
    }

    public record CohortBody(@NotNull @Size(min = 1, max = 255) String name, @Valid ContentGroupBody contentGroup) {
    }

    public record CohortView(UUID id, String courseKey, String name, ContentGroupBody contentGroup, long members) {
    }

    public record CohortList(String courseKey, List<CohortView> items) {
    }

    public record MemberView(UUID userId, Instant assignedAt) {
    }

    public record MemberPage(UUID cohortId, List<MemberView> items, String nextCursor) {
    }

    public record PlacementView(UUID userId, UUID cohortId, String cohortName, boolean changed) {
    }

    public record UploadBody(@NotNull @Size(max = 2_000_000) String csv) {
    }

    public record UploadResult(String courseKey, int moved, int unchanged, List<PlacementView> results) {
    }

    public record CohortRef(UUID id, String name) {
    }

    public record GroupsView(String courseKey, UUID userId, boolean active, String mode, CohortRef cohort,
            List<LearnerGroups.Group> groups) {
    }

    public record HistoryItem(UUID fromCohortId, UUID toCohortId, String cause, String actor, Instant at) {
    }

    public record HistoryView(String courseKey, UUID userId, List<HistoryItem> items) {
    }

    @GET
    @Path("/cohort-settings")
    public SettingsView settings(@PathParam("courseKey") String courseKey) {
        return view(cohorts.settings(caller(), key(courseKey)));
    }

    @PUT
    @Path("/cohort-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsView configure(@PathParam("courseKey") String courseKey, @NotNull @Valid SettingsBody body) {
        CohortScheme scheme = CohortScheme.fromWireName(body.scheme())
                .orElseThrow(() -> ProblemException.invalid("scheme", "off, manual or automatic"));
        CohortAssignment assignment = body.assignment() == null ? CohortAssignment.RANDOM
                : CohortAssignment.fromWireName(body.assignment())
                        .orElseThrow(() -> ProblemException.invalid("assignment", "random or round-robin"));
        return view(cohorts.configure(caller(), key(courseKey), scheme, assignment));
    }

    @GET
    @Path("/cohorts")
    public CohortList list(@PathParam("courseKey") String courseKey) {
        String key = key(courseKey);
        return new CohortList(key, cohorts.list(caller(), key).stream().map(CohortResource::view).toList());
    }

    @POST
    @Path("/cohorts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("courseKey") String courseKey, @NotNull @Valid CohortBody body) {
        String key = key(courseKey);
        Cohort cohort = cohorts.create(caller(), key, name(body), link(body.contentGroup()));
        return Response.status(201).entity(view(new CohortService.CohortView(cohort, 0))).build();
    }

    @GET
    @Path("/cohorts/{cohortId}")
    public CohortView get(@PathParam("courseKey") String courseKey, @PathParam("cohortId") String cohortId) {
        return view(cohorts.get(caller(), key(courseKey), uuid("cohortId", cohortId)));
    }

    @PUT
    @Path("/cohorts/{cohortId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CohortView update(@PathParam("courseKey") String courseKey, @PathParam("cohortId") String cohortId,
            @NotNull @Valid CohortBody body) {
        return view(cohorts.update(caller(), key(courseKey), uuid("cohortId", cohortId), name(body),
                link(body.contentGroup())));
    }

    @GET
    @Path("/cohorts/{cohortId}/members")
    public MemberPage members(@PathParam("courseKey") String courseKey, @PathParam("cohortId") String cohortId,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        UUID cohort = uuid("cohortId", cohortId);
        UUID afterId = after == null ? null : uuid("after", after);
        List<CohortRepository.Member> page = cohorts.members(caller(), key(courseKey), cohort, afterId, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).userId().toString() : null;
        return new MemberPage(cohort, page.stream().map(m -> new MemberView(m.userId(), m.assignedAt())).toList(),
                next);
    }

    @PUT
    @Path("/cohorts/{cohortId}/members/{userId}")
    public PlacementView place(@PathParam("courseKey") String courseKey, @PathParam("cohortId") String cohortId,
            @PathParam("userId") String userId) {
        return view(cohorts.place(caller(), key(courseKey), uuid("cohortId", cohortId), uuid("userId", userId)));
    }

    @POST
    @Path("/cohort-uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    public UploadResult upload(@PathParam("courseKey") String courseKey, @NotNull @Valid UploadBody body) {
        String key = key(courseKey);
        List<PlacementView> results = upload.apply(caller(), key, body.csv()).stream().map(CohortResource::view)
                .toList();
        int moved = (int) results.stream().filter(PlacementView::changed).count();
        return new UploadResult(key, moved, results.size() - moved, results);
    }

    @GET
    @Path("/learners/{userId}/groups")
    public GroupsView groups(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId) {
        Caller caller = caller();
        return view(cohorts.groups(caller, key(courseKey), learner(caller, userId)));
    }

    private static GroupsView view(LearnerGroups groups) {
        return new GroupsView(groups.courseKey(), groups.userId(), groups.active(),
                groups.mode() == null ? null : groups.mode().wireName(),
                groups.cohort() == null ? null : new CohortRef(groups.cohort().id(), groups.cohort().name()),
                groups.groups());
    }

    public record GroupsRequest(@NotNull @Size(min = 1, max = 1000) List<String> userIds) {
    }

    public record GroupsPage(String courseKey, List<GroupsView> items) {
    }

    @POST
    @Path("/learner-groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupsPage groupsOf(@PathParam("courseKey") String courseKey, @NotNull @Valid GroupsRequest body) {
        String key = key(courseKey);
        List<UUID> learners = new ArrayList<>();
        for (int i = 0; i < body.userIds().size(); i++) {
            learners.add(uuid("userIds[" + i + "]", body.userIds().get(i)));
        }
        return new GroupsPage(key, cohorts.groupsOf(caller(), key, learners.stream().distinct().toList()).stream()
                .map(CohortResource::view).toList());
    }

    @GET
    @Path("/learners/{userId}/cohort-history")
    public HistoryView history(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId) {
        Caller caller = caller();
        String key = key(courseKey);
        UUID learner = learner(caller, userId);
        return new HistoryView(key, learner, cohorts.history(caller, key, learner).stream()
                .map(h -> new HistoryItem(h.fromCohort(), h.toCohort(), h.cause(), h.actor(), h.at())).toList());
    }

    private Caller caller() {
        return callers.current();
    }

    private static SettingsView view(CohortRepository.Settings settings) {
        return new SettingsView(settings.courseKey(), settings.scheme().wireName(),
                settings.assignment().wireName(), settings.updatedBy(), settings.updatedAt());
    }

    private static CohortView view(CohortService.CohortView view) {
        Cohort cohort = view.cohort();
        ContentGroupLink link = cohort.contentGroup();
        return new CohortView(cohort.id(), cohort.courseKey(), cohort.name(),
                link == null ? null : new ContentGroupBody(link.partitionId(), link.groupId()), view.members());
    }

    private static PlacementView view(CohortService.Placement placement) {
        return new PlacementView(placement.userId(), placement.cohort().id(), placement.cohort().name(),
                placement.changed());
    }

    private static String name(CohortBody body) {
        String name = body.name().strip();
        if (name.isEmpty()) {
            throw ProblemException.invalid("name", "a name that is not blank");
        }
        return name;
    }

    private static ContentGroupLink link(ContentGroupBody body) {
        if (body == null) {
            return null;
        }
        if (body.partitionId() < ContentGroupLink.MINIMUM_CONTENT_PARTITION_ID) {
            throw ProblemException.invalid("contentGroup.partitionId",
                    "a content-group partition id, " + ContentGroupLink.MINIMUM_CONTENT_PARTITION_ID + " or more");
        }
        if (body.groupId() < 0) {
            throw ProblemException.invalid("contentGroup.groupId", "a group id, 0 or more");
        }
        return new ContentGroupLink(body.partitionId(), body.groupId());
    }

    private static String key(String courseKey) {
        return CourseKeys.require(courseKey);
    }

    private static UUID learner(Caller caller, String userId) {
        return "me".equals(userId) ? caller.userId() : uuid("userId", userId);
    }

    private static UUID uuid(String field, String value) {
        if (value == null) {
            throw ProblemException.invalid(field, "a UUID");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "a UUID");
        }
    }
}
