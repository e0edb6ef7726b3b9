package io.openlearn.submission.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.testkit.EnrollmentGroups;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The upstream endpoints submission calls, answered from {@link Upstreams} (test only). */
@Path("/stub")
@Produces(MediaType.APPLICATION_JSON)
public class UpstreamStub {

    private final Upstreams upstreams;

    public UpstreamStub(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @GET
    @Path("authoring/api/authoring/v1/course-runs/{key}")
    public ObjectNode run(@PathParam("key") String key) {
        return found(upstreams.runs.get(key));
    }

    @GET
    @Path("authoring/api/authoring/v1/course-runs/{key}/grading-policy")
    public Map<String, Object> policy(@PathParam("key") String key) {
        return Map.of("gracePeriodSeconds", upstreams.grace.getOrDefault(key, 0L));
    }

    @GET
    @Path("content/api/content/v1/courses/{key}/structure")
    public ObjectNode structure(@PathParam("key") String key) {
        return found(upstreams.structures.get(key));
    }

    @GET
    @Path("content/api/content/v1/courses/{key}/versions/{version}/blocks/{item}")
    public ObjectNode block(@PathParam("key") String key, @PathParam("version") String version,
            @PathParam("item") String item) {
        return found(upstreams.problems.get(key + "|" + version + "|" + item));
    }

    @GET
    @Path("enrollment/api/enrollment/v1/courses/{key}/learners/{user}/groups")
    public Map<String, Object> groups(@PathParam("key") String key, @PathParam("user") UUID user) {
        return EnrollmentGroups.answer(key, user.toString(), upstreams.enrolled.contains(user + "|" + key),
                upstreams.groupsOf(user, key));
    }

    @GET
    @Path("grades/api/grades/v1/courses/{key}/learners/{user}/locks")
    public Map<String, Object> locks(@PathParam("key") String key, @PathParam("user") UUID user) {
        return Map.of("courseKey", key, "userId", user.toString(), "contentVersion", 1, "locked",
                upstreams.locks.getOrDefault(user + "|" + key, List.of()));
    }

    private static ObjectNode found(ObjectNode node) {
        if (node == null) {
            throw new NotFoundException();
        }
        return node;
    }
}
