package io.openlearn.grades.rest;

import io.openlearn.grades.client.ReportStore;
import io.openlearn.grades.repository.GradeJob;
import io.openlearn.grades.service.GradeJobService;
import io.openlearn.kit.security.CourseCaller;
import io.openlearn.kit.problem.ProblemException;
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

    public record JobRequest(String kind, String itemKey, Boolean includeUnenrolled) {
        boolean unenrolledToo() {
            return Boolean.TRUE.equals(includeUnenrolled);
        }
    }

    public record Job(String id, String courseKey, String kind, String state, String itemKey, String requestedBy,
            String cause, String causeRef, Integer slicesTotal, int slicesDone, int learnersDone, String error,
            Instant createdAt, Instant startedAt, Instant finishedAt, boolean includeUnenrolled, String downloadUrl) {
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
        access.requireStaff(courseKey);
        String kind = request == null ? null : request.kind();
        GradeJob job = switch (kind == null ? "" : kind) {
            case "regrade" -> jobs.regrade(courseKey, access.callerName(), access.isAdmin());
            case "rescore" -> jobs.rescore(courseKey, requireItem(courseKey, request.itemKey()), access.callerName());
            case "resync" -> jobs.resync(courseKey, access.callerName(), access.isAdmin());
            case "course_grade_report" -> jobs.report(courseKey, GradeJob.Kind.course_grade_report,
                    access.callerName(), request.unenrolledToo());
            case "problem_grade_report" -> jobs.report(courseKey, GradeJob.Kind.problem_grade_report,
                    access.callerName(), request.unenrolledToo());
            default -> throw ProblemException.invalid("kind",
                    "one of regrade, rescore, resync, course_grade_report, problem_grade_report");
        };
        return Response.accepted(json(job))
                .location(URI.create("/api/grades/v1/courses/" + courseKey + "/jobs/" + job.id())).build();
    }

    @GET
    public JobList list(@PathParam("courseKey") String courseKey, @QueryParam("limit") @DefaultValue("50") int limit) {
        access.requireStaff(courseKey);
        Paging.requireLimit(limit, 200);
        return new JobList(jobs.ofCourse(courseKey, limit).stream().map(this::json).toList());
    }

    @GET
    @Path("{jobId}")
    public Job one(@PathParam("courseKey") String courseKey, @PathParam("jobId") UUID jobId) {
        access.requireStaff(courseKey);
        return json(jobs.find(courseKey, jobId));
    }

    /** A finished report carries a short-lived presigned link; the file never passes through this service. */
    private Job json(GradeJob j) {
        String download = j.state() == GradeJob.State.done && j.resultKey() != null
                ? reports.downloadUrl(j.resultKey(), j.kind().name() + "-" + j.courseKey().replaceAll("[^A-Za-z0-9]+",
                        "_") + ".csv").toString()
                : null;
        return new Job(j.id().toString(), j.courseKey(), j.kind().name(), j.state().name(), j.itemKey(),
                j.requestedBy(), j.causeKind(), j.causeRef(), j.slicesTotal(), j.slicesDone(), j.learnersDone(),
                j.error(), j.createdAt(), j.startedAt(), j.finishedAt(), j.includeUnenrolled(), download);
    }

    private static String requireItem(String courseKey, String itemKey) {
        String run = courseKey.substring("course-v1:".length());
        if (itemKey == null || !itemKey.startsWith("block-v1:" + run + "+type@problem+block@")
                || itemKey.length() > 512) {
            throw ProblemException.invalid("itemKey", "a problem usage key of this course, block-v1:"
                    + run + "+type@problem+block@<id>");
        }
        return itemKey;
    }
}
