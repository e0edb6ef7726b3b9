package io.openlearn.enrollment.rest;

import io.openlearn.enrollment.domain.EnrollmentMode;
import io.openlearn.enrollment.repository.EnrollmentEntity;
import io.openlearn.enrollment.service.CourseRosterService;
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
import jakarta.ws.rs.DELETE;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A run's learners for its staff: roster, counts per mode, allow-list and bulk enrollment. */
@Path("/api/enrollment/v1/courses/{courseKey}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CourseRosterResource {

    static final int MAX_BULK = 1000;

    private final CourseRosterService roster;
    private final CourseCaller callers;

    public CourseRosterResource(CourseRosterService roster, CourseCaller callers) {
        this.roster = roster;
        this.callers = callers;
    }

    public record RosterEntry(UUID userId, String mode, boolean active, Instant created) {
    }

    public record RosterPage(String courseKey, List<RosterEntry> items, String nextCursor) {
    }

    public record Counts(String courseKey, Map<String, Long> activeByMode, long active) {
    }

    public record AllowList(String courseKey, List<UUID> userIds) {
    }

    public record BulkRequest(@NotNull String action, String mode, @Size(max = MAX_BULK) List<String> userIds,
            @Size(max = MAX_BULK) List<String> usernames, @Size(max = 200_000) String csv) {
    }

    public record BulkResponse(String courseKey, int succeeded, int failed,
            List<CourseRosterService.BulkResult> results) {
    }

    @GET
    @Path("/enrollments")
    public RosterPage roster(@PathParam("courseKey") String courseKey,
            @QueryParam("mode") String mode, @QueryParam("active") Boolean active,
            @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        String key = key(courseKey);
        Instant afterCreated = null;
        UUID afterId = null;
        if (after != null) {
            String[] parts = after.split("_", 2);
            try {
                afterCreated = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("after", "not a cursor returned by this API");
            }
        }
        if (mode != null) {
            mode(mode);
        }
        List<EnrollmentEntity> page = roster.page(caller(), key, mode, active, afterCreated, afterId, limit);
        List<RosterEntry> items = page.stream().map(e -> new RosterEntry(e.userId, e.mode, e.active, e.createdAt))
                .toList();
        EnrollmentEntity last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = page.size() == limit ? last.createdAt + "_" + last.id : null;
        return new RosterPage(key, items, next);
    }

    @GET
    @Path("/enrollment-counts")
    public Counts counts(@PathParam("courseKey") String courseKey) {
        String key = key(courseKey);
        Map<String, Long> byMode = roster.counts(caller(), key);
        return new Counts(key, byMode, byMode.values().stream().mapToLong(Long::longValue).sum());
    }

    @GET
    @Path("/allowed")
    public AllowList allowList(@PathParam("courseKey") String courseKey) {
        String key = key(courseKey);
        return new AllowList(key, roster.allowList(caller(), key));
    }

    @PUT
    @Path("/allowed/{userId}")
    public Response allow(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId) {
        roster.allow(caller(), key(courseKey), uuid("userId", userId));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/allowed/{userId}")
    public Response disallow(@PathParam("courseKey") String courseKey, @PathParam("userId") String userId) {
        roster.disallow(caller(), key(courseKey), uuid("userId", userId));
        return Response.noContent().build();
    }

    @POST
    @Path("/bulk-enrollments")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkResponse bulk(@PathParam("courseKey") String courseKey, @NotNull @Valid BulkRequest request) {
        String key = key(courseKey);
        boolean enroll = switch (request.action()) {
            case "enroll" -> true;
            case "unenroll" -> false;
            default -> throw ProblemException.invalid("action", "enroll or unenroll");
        };
        EnrollmentMode mode = enroll ? mode(request.mode() == null ? "audit" : request.mode()) : null;
        List<UUID> learners = new ArrayList<>();
        List<String> raw = new ArrayList<>(request.userIds() == null ? List.of() : request.userIds());
        if (request.csv() != null) {
            // one id per line or comma-separated; a header line "userId" is allowed
            Arrays.stream(request.csv().split("[,\\r\\n]+")).map(String::trim)
                    .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("userId")).forEach(raw::add);
        }
        if (request.usernames() != null) {
            // only the course's staff may turn usernames into ids here
            raw.addAll(roster.idsOf(caller(), key, request.usernames()));
        }
        if (raw.isEmpty() || raw.size() > MAX_BULK) {
            throw ProblemException.invalid("userIds", "1 to " + MAX_BULK + " learners, as userIds or csv");
        }
        for (int i = 0; i < raw.size(); i++) {
            learners.add(uuid("userIds[" + i + "]", raw.get(i)));
        }
        List<CourseRosterService.BulkResult> results = roster.bulk(caller(), key, enroll, mode, learners);
        int failed = (int) results.stream().filter(r -> "failed".equals(r.outcome())).count();
        return new BulkResponse(key, results.size() - failed, failed, results);
    }

    private Caller caller() {
        return callers.current();
    }

    private static String key(String courseKey) {
        return CourseKeys.require(courseKey);
    }

    private static EnrollmentMode mode(String mode) {
        try {
            return EnrollmentMode.fromWireName(mode);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("mode",
                    "one of audit, honor, verified, professional, no-id-professional, masters, credit");
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "a platform user id (UUID)");
        }
    }
}
