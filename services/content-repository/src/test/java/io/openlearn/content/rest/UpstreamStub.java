package io.openlearn.content.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openlearn.testkit.EnrollmentGroups;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The course-authoring, enrollment and submission endpoints content-repository calls, answered from
 * {@link Upstreams}.
 */
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
        ObjectNode run = upstreams.runs.get(key);
        if (run == null) {
            throw new NotFoundException();
        }
        return run;
    }

    @GET
    @Path("enrollment/api/enrollment/v1/courses/{key}/learners/{user}/groups")
    public Map<String, Object> groups(@PathParam("key") String key, @PathParam("user") String user) {
        return EnrollmentGroups.answer(key, user, upstreams.enrolled.contains(user + "|" + key),
                upstreams.groupsOf(user, key));
    }

    @GET
    @Path("submission/api/submission/v1/courses/{key}/extensions/{user}")
    public Map<String, Object> extensions(@PathParam("key") String key, @PathParam("user") String user) {
        List<Map<String, Object>> items = new ArrayList<>();
        upstreams.extensions.getOrDefault(key + "|" + user, Map.of()).forEach(
                (subsection, until) -> items.add(Map.of("subsectionKey", subsection, "until", until.toString())));
        return Map.of("userId", user, "items", items);
    }

    @GET
    @Path("grades/api/grades/v1/courses/{key}/learners/{user}/locks")
    public Map<String, Object> locks(@PathParam("key") String key, @PathParam("user") String user) {
        return Map.of("courseKey", key, "userId", user, "contentVersion", 1, "locked",
                upstreams.locks.getOrDefault(user + "|" + key, List.of()));
    }
}
