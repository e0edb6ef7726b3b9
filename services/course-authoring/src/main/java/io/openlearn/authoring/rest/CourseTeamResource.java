package io.openlearn.authoring.rest;

import io.openlearn.authoring.client.CourseTeamClient;
import io.openlearn.authoring.domain.CourseKey;
import io.openlearn.authoring.domain.CourseRunPermissions;
import io.openlearn.authoring.service.Caller;
import io.openlearn.authoring.service.CourseRunService;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.RoleChecker;
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
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Instructors, staff and beta testers of a run. The roles live in auth; nothing is copied here. */
@Path("/api/authoring/v1/course-runs/{courseKey}/team")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CourseTeamResource {

    static final Set<String> TEAM_ROLES = Set.of("course_instructor", "course_staff", "course_beta_tester");

    private final CourseTeamClient team;
    private final CourseRunService runs;
    private final RoleChecker roles;
    private final JsonWebToken jwt;

    public CourseTeamResource(CourseTeamClient team, CourseRunService runs, RoleChecker roles, JsonWebToken jwt) {
        this.team = team;
        this.runs = runs;
        this.roles = roles;
        this.jwt = jwt;
    }

    public record MemberRequest(@NotBlank @Size(max = 255) String username,
                                @NotNull @Pattern(regexp = "course_instructor|course_staff|course_beta_tester")
                                String role) {
    }

    public record Member(String username, String role) {
    }

    public record Team(String courseKey, List<Member> members) {
    }

    @GET
    public Team list(@PathParam("courseKey") String courseKey) {
        CourseKey key = teamKey(courseKey);
        if (!CourseRunPermissions.isTeam(caller(), key)) {
            throw new ProblemException(403, "Only the course team sees the team of " + key + ".");
        }
        return new Team(key.toString(), team.members(key.toString()).stream()
                .filter(m -> TEAM_ROLES.contains(m.role()))
                .map(m -> new Member(m.username(), m.role())).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("courseKey") String courseKey, @NotNull @Valid MemberRequest request) {
        CourseKey key = teamKey(courseKey);
        requireManage(key, request.role());
        CourseTeamClient.Member added = team.add(key.toString(), request.username(), request.role(),
                caller().username());
        return Response.status(201).entity(new Member(added.username(), added.role())).build();
    }

    @DELETE
    @Path("/{role}/{username}")
    public Response remove(@PathParam("courseKey") String courseKey, @PathParam("role") String role,
                           @PathParam("username") String username) {
        CourseKey key = teamKey(courseKey);
        if (!TEAM_ROLES.contains(role)) {
            throw ProblemException.invalid("role", "course_instructor, course_staff or course_beta_tester");
        }
        requireManage(key, role);
        CourseTeamClient.Member member = team.members(key.toString()).stream()
                .filter(m -> m.role().equals(role) && m.username().equals(username)).findFirst()
                .orElseThrow(() -> new ProblemException(404, username + " is not " + role + " of " + key + "."));
        team.remove(member.assignmentId(), caller().username());
        return Response.noContent().build();
    }

    private CourseKey teamKey(String courseKey) {
        CourseKey key = Requests.pathKey(courseKey);
        runs.find(key);
        return key;
    }

    private void requireManage(CourseKey key, String role) {
        if (!CourseRunPermissions.mayManageTeamRole(caller(), key, role)) {
            throw new ProblemException(403, "You may not change who is " + role + " of " + key + ".");
        }
    }

    private Caller caller() {
        return new Caller(jwt.getClaim("preferred_username"), jwt, roles);
    }
}
