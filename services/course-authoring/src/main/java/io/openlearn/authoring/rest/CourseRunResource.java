package io.openlearn.authoring.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.authoring.client.ContentCopyClient;
import io.openlearn.authoring.domain.CourseKey;
import io.openlearn.authoring.domain.CourseSchedule;
import io.openlearn.authoring.repository.CourseRunEntity;
import io.openlearn.authoring.repository.CourseRunRepository;
import io.openlearn.authoring.service.CourseRunService;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Course runs: the catalog for everyone signed in; creation, settings and reruns for those allowed. */
@Path("/api/authoring/v1/course-runs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CourseRunResource {

    private final CourseRunService runs;
    private final ContentCopyClient content;
    private final CourseCaller callers;

    public CourseRunResource(CourseRunService runs, ContentCopyClient content, CourseCaller callers) {
        this.runs = runs;
        this.content = content;
        this.callers = callers;
    }

    public record CreateRequest(String org, String number, String run, String title, Instant start, Instant end,
            Instant enrollmentStart, Instant enrollmentEnd, String pacing, Boolean invitationOnly,
            Integer maxEnrollments, JsonNode daysEarlyForBeta, String courseVisibility) {
    }

    public record UpdateRequest(String title, Instant start, Instant end, Instant enrollmentStart,
            Instant enrollmentEnd, String pacing, Boolean invitationOnly, Integer maxEnrollments,
            JsonNode daysEarlyForBeta, String courseVisibility) {
    }

    public record RerunRequest(String org, String number, String run, String title, Instant start, Instant end,
            Instant enrollmentStart, Instant enrollmentEnd) {
    }

    /**
     * The catalog view for everyone; settings (invitation, capacity, lineage) for the team and services. Both views
     * always carry the access settings courseware reads: {@code daysEarlyForBeta} (a number or null) and
     * {@code courseVisibility}; other null fields are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CourseRun(String courseKey, String org, String number, String run, String title, Instant start,
            Instant end, Instant enrollmentStart, Instant enrollmentEnd, String pacing,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer daysEarlyForBeta,
            String courseVisibility, Boolean invitationOnly, Integer maxEnrollments, String rerunOf,
            Long version, String contentCopy) {
        static CourseRun catalog(CourseRunEntity e) {
            return new CourseRun(e.courseKey, e.org, e.number, e.run, e.title, e.start, e.end, e.enrollmentStart,
                    e.enrollmentEnd, e.pacing, e.daysEarlyForBeta, e.courseVisibility, null, null, null, null, null);
        }

        static CourseRun full(CourseRunEntity e) {
            return new CourseRun(e.courseKey, e.org, e.number, e.run, e.title, e.start, e.end, e.enrollmentStart,
                    e.enrollmentEnd, e.pacing, e.daysEarlyForBeta, e.courseVisibility, e.invitationOnly,
                    e.maxEnrollments, e.rerunOf, e.version, null);
        }

        CourseRun withContentCopy(String outcome) {
            return new CourseRun(courseKey, org, number, run, title, start, end, enrollmentStart, enrollmentEnd,
                    pacing, daysEarlyForBeta, courseVisibility, invitationOnly, maxEnrollments, rerunOf, version,
                    outcome);
        }
    }

    public record CourseRunPage(List<CourseRun> items, String nextCursor) {
    }

    @GET
    public CourseRunPage catalog(@QueryParam("org") @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String org,
            @QueryParam("state") @Pattern(regexp = "upcoming|running|ended") String state,
            @QueryParam("enrollmentOpen") Boolean enrollmentOpen,
            @QueryParam("after") @Pattern(regexp = "course-v1:.{1,240}") String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        List<CourseRun> items = runs.catalog(new CourseRunRepository.Filter(org, state, enrollmentOpen, after, limit))
                .stream().map(CourseRun::catalog).toList();
        String next = items.size() == limit ? items.get(items.size() - 1).courseKey() : null;
        return new CourseRunPage(items, next);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreateRequest request) {
        CourseKey key = Requests.courseKey(request.org(), request.number(), request.run());
        CourseRunEntity run = runs.create(caller(), key, Requests.settings(request.title(), request.start(),
                request.end(), request.enrollmentStart(), request.enrollmentEnd(), request.pacing(),
                request.invitationOnly(), request.maxEnrollments(), request.daysEarlyForBeta(),
                request.courseVisibility()));
        return Response.created(URI.create("/api/authoring/v1/course-runs/" + run.courseKey))
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(run.version)))
                .entity(CourseRun.full(run)).build();
    }

    @GET
    @Path("/{courseKey}")
    public Response get(@PathParam("courseKey") String courseKey) {
        CourseKey key = Requests.pathKey(courseKey);
        CourseRunService.Read read = runs.read(caller(), key);
        CourseRunEntity run = read.run();
        return Response.ok(read.insider() ? CourseRun.full(run) : CourseRun.catalog(run))
                .header("ETag", Requests.etag(run.version)).build();
    }

    @PUT
    @Path("/{courseKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("courseKey") String courseKey, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid UpdateRequest request) {
        CourseKey key = Requests.pathKey(courseKey);
        long expected = Requests.ifMatch(ifMatch);
        CourseRunEntity run = runs.update(caller(), key, expected, Requests.settings(request.title(), request.start(),
                request.end(), request.enrollmentStart(), request.enrollmentEnd(), request.pacing(),
                request.invitationOnly(), request.maxEnrollments(), request.daysEarlyForBeta(),
                request.courseVisibility()));
        return Response.ok(CourseRun.full(run)).header("ETag", Requests.etag(run.version)).build();
    }

    @POST
    @Path("/{courseKey}/reruns")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rerun(@PathParam("courseKey") String courseKey, @NotNull @Valid RerunRequest request) {
        CourseKey source = Requests.pathKey(courseKey);
        CourseKey target = Requests.courseKey(request.org() == null ? source.org() : request.org(),
                request.number() == null ? source.number() : request.number(), request.run());
        CourseRunEntity from = runs.find(source);
        var settings = Requests.rerunSettings(from, request.title() == null ? from.title : request.title(),
                new CourseSchedule(request.start(), request.end(), request.enrollmentStart(), request.enrollmentEnd()));
        CourseRunEntity created = runs.rerun(caller(), source, target, settings);
        ContentCopyClient.Outcome copy = content.copy(source.toString(), target.toString());
        CourseRun body = CourseRun.full(created)
                .withContentCopy((copy.copied() ? "copied: " : "failed: ") + copy.detail());
        return Response.created(URI.create("/api/authoring/v1/course-runs/" + created.courseKey))
                .header("ETag", Requests.etag(created.version)).entity(body).build();
    }

    private Caller caller() {
        return callers.current();
    }
}
