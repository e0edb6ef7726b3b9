package io.openlearn.authoring.rest;

import io.openlearn.authoring.domain.AssignmentType;
import io.openlearn.authoring.domain.GradingPolicy;
import io.openlearn.authoring.repository.GradingPolicyRepository.StoredPolicy;
import io.openlearn.authoring.service.GradingPolicyService;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run's grading policy: the current version for everyone signed in, changes and history for the team. */
@Path("/api/authoring/v1/course-runs/{courseKey}/grading-policy")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GradingPolicyResource {

    private final GradingPolicyService policies;
    private final CourseCaller callers;

    public GradingPolicyResource(GradingPolicyService policies, CourseCaller callers) {
        this.policies = policies;
        this.callers = callers;
    }

    public record PolicyRequest(List<AssignmentType> assignmentTypes, Map<String, Double> gradeCutoffs,
            Long gracePeriodSeconds) {
    }

    public record PolicyVersion(String courseKey, int version, String hash, Instant createdAt, String createdBy,
            List<AssignmentType> assignmentTypes, Map<String, Double> gradeCutoffs,
            long gracePeriodSeconds) {
    }

    public record PolicyHistory(List<PolicyVersion> items) {
    }

    @GET
    public Response current(@PathParam("courseKey") String courseKey) {
        StoredPolicy stored = policies.current(Requests.pathKey(courseKey));
        return Response.ok(view(stored)).header("ETag", Requests.etag(stored.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("courseKey") String courseKey, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PolicyRequest request) {
        var key = Requests.pathKey(courseKey);
        int expected = (int) Requests.ifMatch(ifMatch);
        GradingPolicy policy = new GradingPolicy(request.assignmentTypes(), request.gradeCutoffs(),
                request.gracePeriodSeconds() == null ? 0 : request.gracePeriodSeconds());
        StoredPolicy stored = policies.change(caller(), key, expected, policy);
        return Response.ok(view(stored)).header("ETag", Requests.etag(stored.version())).build();
    }

    @GET
    @Path("/versions")
    public PolicyHistory history(@PathParam("courseKey") String courseKey) {
        return new PolicyHistory(policies.history(caller(), Requests.pathKey(courseKey)).stream().map(this::view)
                .toList());
    }

    @GET
    @Path("/versions/{version}")
    public PolicyVersion version(@PathParam("courseKey") String courseKey, @PathParam("version") int version) {
        return view(policies.version(caller(), Requests.pathKey(courseKey), version));
    }

    private PolicyVersion view(StoredPolicy stored) {
        GradingPolicy policy = policies.read(stored);
        return new PolicyVersion(stored.courseKey(), stored.version(), stored.hash(), stored.createdAt(),
                stored.createdBy(), policy.assignmentTypes(), policy.cutoffsDescending(), policy.gracePeriodSeconds());
    }

    private Caller caller() {
        return callers.current();
    }
}
