package io.openlearn.authoring.rest;

import io.openlearn.authoring.client.CourseTeamClient;
import io.openlearn.authoring.domain.CourseKey;
import io.openlearn.authoring.service.CourseTeamService;
import io.openlearn.kit.security.CourseCaller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Instructors, staff and beta testers of a run. The roles live in auth; nothing is copied here. */
@Path("/api/authoring/v1/course-runs/{courseKey}/team")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CourseTeamResource {

    private final CourseTeamService team;
    private final CourseCaller callers;

    public CourseTeamResource(CourseTeamService team, CourseCaller callers) {
        this.team = team;
        this.callers = callers;
    }

    public record MemberRequest(@NotBlank @Size(max = 255) String username,
            @NotNull @Pattern(regexp = "course_instructor|course_staff|course_beta_tester") String role) {
    }

    public record Member(String username, String role) {
    }

    public record Team(String courseKey, List<Member> members) {
    }

    @GET
    public Team list(@PathParam("courseKey") String courseKey) {
        CourseKey key = Requests.pathKey(courseKey);
        return new Team(key.toString(), team.members(callers.current(), key).stream()
                .map(m -> new Member(m.username(), m.role())).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("courseKey") String courseKey, @NotNull @Valid MemberRequest request) {
        CourseKey key = Requests.pathKey(courseKey);
        CourseTeamClient.Member added = team.add(callers.current(), key, request.username(), request.role());
        return Response.status(201).entity(new Member(added.username(), added.role())).build();
    }

    @DELETE
    @Path("/{role}/{username}")
    public Response remove(@PathParam("courseKey") String courseKey, @PathParam("role") String role,
            @PathParam("username") String username) {
        team.remove(callers.current(), Requests.pathKey(courseKey), role, username);
        return Response.noContent().build();
    }
}
