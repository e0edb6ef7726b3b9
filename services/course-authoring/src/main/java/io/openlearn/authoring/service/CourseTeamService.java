package io.openlearn.authoring.service;

import io.openlearn.authoring.client.CourseTeamClient;
import io.openlearn.authoring.domain.CourseKey;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import io.openlearn.kit.security.CoursePermissions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Instructors, staff and beta testers of a run. The roles live in auth (asked through {@link CourseTeamClient});
 * who may see and change them is {@link CoursePermissions}: the team sees it, {@link CoursePermissions#mayManageTeamRole} changes
 * it. The run is looked up first (404 before 403).
 */
@ApplicationScoped
public class CourseTeamService {

    public static final Set<String> TEAM_ROLES = Set.of("course_instructor", "course_staff", "course_beta_tester");

    private final CourseTeamClient team;
    private final CourseRunService runs;

    public CourseTeamService(CourseTeamClient team, CourseRunService runs) {
        this.team = team;
        this.runs = runs;
    }

    public List<CourseTeamClient.Member> members(Caller caller, CourseKey key) {
        runs.find(key);
        CoursePermissions.require(CoursePermissions.isCourseTeam(caller, key.toString()),
                "Only the course team sees the team of " + key + ".");
        return team.members(key.toString()).stream().filter(m -> TEAM_ROLES.contains(m.role())).toList();
    }

    public CourseTeamClient.Member add(Caller caller, CourseKey key, String username, String role) {
        runs.find(key);
        requireManage(caller, key, role);
        return team.add(key.toString(), username, role, caller.username());
    }

    public void remove(Caller caller, CourseKey key, String role, String username) {
        runs.find(key);
        if (!TEAM_ROLES.contains(role)) {
            throw ProblemException.invalid("role", "course_instructor, course_staff or course_beta_tester");
        }
        requireManage(caller, key, role);
        CourseTeamClient.Member member = team.members(key.toString()).stream()
                .filter(m -> m.role().equals(role) && m.username().equals(username)).findFirst()
                .orElseThrow(() -> new ProblemException(404, username + " is not " + role + " of " + key + "."));
        team.remove(member.assignmentId(), caller.username());
    }

    private static void requireManage(Caller caller, CourseKey key, String role) {
        CoursePermissions.require(CoursePermissions.mayManageTeamRole(caller, key.toString(), role),
                "You may not change who is " + role + " of " + key + ".");
    }
}
