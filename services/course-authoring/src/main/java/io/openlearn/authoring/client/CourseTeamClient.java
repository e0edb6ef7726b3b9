package io.openlearn.authoring.client;

import io.openlearn.kit.client.ServiceHttp;
import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.authoring.config.AuthoringConfig;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The course team lives in auth as course roles; this reads and changes them there. */
@ApplicationScoped
public class CourseTeamClient {

    private final ServiceHttp http;
    private final String assignmentsUrl;

    public CourseTeamClient(ServiceHttp http, AuthoringConfig config) {
        this.http = http;
        this.assignmentsUrl = config.authUrl() + "/api/auth/v1/role-assignments";
    }

    public record Member(long assignmentId, String username, String role) {
    }

    public List<Member> members(String courseKey) {
        List<Member> members = new ArrayList<>();
        String after = null;
        do {
            String url = assignmentsUrl + "?limit=200&scope=" + enc(courseKey) + (after == null ? "" : "&after=" + after);
            JsonNode page = expect(http.get("auth", url), 200).body();
            page.path("items").forEach(i -> members.add(new Member(i.path("id").asLong(),
                    i.path("username").asText(), i.path("role").asText())));
            after = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (after != null);
        return members;
    }

    public Member add(String courseKey, String username, String role, String onBehalfOf) {
        ServiceHttp.Answer answer = http.post("auth", assignmentsUrl, Map.of("username", username, "role", role,
                "scope", courseKey, "reason", "course team change by " + onBehalfOf + " in course-authoring"));
        if (answer.status() == 404) {
            throw new ProblemException(404, "No platform user named " + username + "; a user exists once they have"
                    + " signed in.");
        }
        JsonNode body = expect(answer, answer.status() == 200 ? 200 : 201).body();
        return new Member(body.path("id").asLong(), body.path("username").asText(), body.path("role").asText());
    }

    public void remove(long assignmentId, String onBehalfOf) {
        ServiceHttp.Answer answer = http.delete("auth", assignmentsUrl + "/" + assignmentId + "?reason="
                + enc("course team change by " + onBehalfOf + " in course-authoring"));
        if (answer.status() != 204 && answer.status() != 404) {
            expect(answer, 204);
        }
    }

    private static ServiceHttp.Answer expect(ServiceHttp.Answer answer, int status) {
        if (answer.status() != status) {
            throw new ProblemException(502, "The auth service refused the course team change (" + answer.status()
                    + ").");
        }
        return answer;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
