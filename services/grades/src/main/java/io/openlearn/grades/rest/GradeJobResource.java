package io.openlearn.grades.rest;

import io.openlearn.grades.client.ReportStore;
import io.openlearn.grades.repository.GradeJob;
import io.openlearn.grades.service.GradeJobService;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** BATCH jobs of a course for its team: request a regrade, a rescore or a report (202), follow their progress. */
@Path("/api/grades/v1/courses/{courseKey}/jobs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GradeJobResource {

    public record JobRequest(String kind, String itemKey, Boolean includeUnenrolled, String cohort, String track) {
        GradeJob.Scope scope() {
            return new GradeJob.Scope(Boolean.TRUE.equals(includeUnenrolled), GradebookResource.cohortId(cohort),
                    track);
        }
    }

    public record Job(String id, String courseKey, String kind, String state, String itemKey, String requestedBy,
            String cause, String causeRef, Integer slicesTotal, int slicesDone, int learnersDone, String error,
            Instant createdAt, Instant startedAt, Instant finishedAt, boolean includeUnenrolled, UUID cohort,
            String track, String downloadUrl) {
    }

    public record JobList(List<Job> items) {
    }

    private final CourseCaller access;
    private final GradeJobService jobs;
    private final ReportStore reports;

    public GradeJobResource(CourseCaller access, GradeJobService jobs, ReportStore reports) {
        this.access = access;
        this.jobs = jobs;
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(@PathParam("courseKey") String courseKey, JobRequest request) {
        GradeJob job = jobs.request(access.current(), courseKey, request == null ? null : request.kind(),
                request == null ? null : request.itemKey(), request == null ? GradeJob.Scope.ENROLLED
                        : request.scope());
        return Response.accepted(json(job))
                .location(URI.create("/api/grades/v1/courses/" + courseKey + "/jobs/" + job.id())).build();
    }

    @GET
    public JobList list(@PathParam("courseKey") String courseKey, @QueryParam("limit") @DefaultValue("50") int limit) {
        return new JobList(jobs.ofCourse(access.current(), courseKey, limit).stream().map(this::json).toList());
    }

    @GET
    @Path("{jobId}")
    public Job one(@PathParam("courseKey") String courseKey, @PathParam("jobId") UUID jobId) {
        return json(jobs.find(access.current(), courseKey, jobId));
    }

    /** A finished report carries a short-lived presigned link; the file never passes through this service. */
    private Job json(GradeJob j) {
        String download = j.state() == GradeJob.State.done && j.resultKey() != null
                ? reports.downloadUrl(j.resultKey(), j.kind().name() + "-" + j.courseKey().replaceAll("[^A-Za-z0-9]+",
                        "_") + ".csv").toString()
                : null;
        return new Job(j.id().toString(), j.courseKey(), j.kind().name(), j.state().name(), j.itemKey(),
                j.requestedBy(), j.causeKind(), j.causeRef(), j.slicesTotal(), j.slicesDone(), j.learnersDone(),
                j.error(), j.createdAt(), j.startedAt(), j.finishedAt(), j.includeUnenrolled(), j.cohort(), j.track(),
                download);
    }
}
