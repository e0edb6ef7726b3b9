package io.openlearn.authoring.client;

import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The course team lives in auth as course roles; this reads and changes them there. */
@ApplicationScoped
public class CourseTeamClient {

    private static final String SERVICE = "auth";

    private final AuthCalls auth;

    CourseTeamClient(AuthCalls auth) {
        this.auth = auth;
    }

    public record Member(long assignmentId, String username, String role) {
    }

    public List<Member> members(String courseKey) {
        List<Member> members = new ArrayList<>();
        String after = null;
        do {
            String cursor = after;
            AuthCalls.Page page = Upstream.call(SERVICE, () -> auth.list(courseKey, 200, cursor),
                    CourseTeamClient::refused);
            if (page.items() != null) {
                page.items().forEach(i -> members.add(member(i)));
            }
            after = page.nextCursor();
        } while (after != null);
        return members;
    }

    public Member add(String courseKey, String username, String role, String onBehalfOf) {
        AuthCalls.Assignment added = Upstream.call(SERVICE, () -> auth.add(new AuthCalls.Grant(username, role,
                courseKey, "course team change by " + onBehalfOf + " in course-authoring")), status -> status == 404
                        ? new ProblemException(404,
                                "No platform user named " + username + "; a user exists once they have"
                                        + " signed in.")
                        : refused(status));
        return member(added);
    }

    /** Removing an assignment that is gone already (404) is done. */
    public void remove(long assignmentId, String onBehalfOf) {
        try {
            Upstream.call(SERVICE, () -> {
                auth.remove(assignmentId, "course team change by " + onBehalfOf + " in course-authoring");
                return null;
            }, status -> status == 404 ? new AlreadyGone() : refused(status));
        } catch (AlreadyGone gone) {
            // nothing left to remove
        }
    }

    private static final class AlreadyGone extends RuntimeException {
        AlreadyGone() {
            super(null, null, false, false);
        }
    }

    private static Member member(AuthCalls.Assignment assignment) {
        return new Member(assignment.id() == null ? 0 : assignment.id(), assignment.username(), assignment.role());
    }

    private static ProblemException refused(int status) {
        return new ProblemException(502, "The auth service refused the course team change (" + status + ").");
    }
}
