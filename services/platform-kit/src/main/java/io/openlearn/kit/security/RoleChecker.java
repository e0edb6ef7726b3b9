package io.openlearn.kit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlearn.kit.keys.CourseKeys;
import io.openlearn.kit.servicetoken.ServiceTokenProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers "does the caller hold this role on this scope". The token's {@code roles} claim answers at once; when the
 * token says {@code roles_overflow} (too many roles to carry), auth is asked and the answer kept for 30 seconds.
 */
@ApplicationScoped
public class RoleChecker {

    static final Duration REMEMBER = Duration.ofSeconds(30);
    static final int MAX_REMEMBERED = 10_000;

    private final ServiceTokenProvider serviceTokens;
    private final ObjectMapper json;
    private final String checkUrl;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Answer> remembered = new ConcurrentHashMap<>();

    record Answer(boolean allowed, Instant until) {
    }

    public RoleChecker(ServiceTokenProvider serviceTokens, ObjectMapper json,
                       @ConfigProperty(name = "openlearn.auth.url") String authUrl) {
        this.serviceTokens = serviceTokens;
        this.json = json;
        this.checkUrl = authUrl + "/api/auth/v1/permissions/check";
        this.clock = Clock.systemUTC();
    }

    public boolean holds(JsonWebToken jwt, String role, String scope) {
        if (ScopedRoles.of(jwt).has(role, scope)) {
            return true;
        }
        if (!"true".equals(String.valueOf(jwt.<Object>getClaim("roles_overflow")))) {
            return false;
        }
        String key = jwt.getSubject() + "|" + role + "|" + scope;
        Instant now = clock.instant();
        Answer known = remembered.get(key);
        if (known != null && known.until().isAfter(now)) {
            return known.allowed();
        }
        boolean allowed = askAuth(jwt.getSubject(), role, scope);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, new Answer(allowed, now.plus(REMEMBER)));
        return allowed;
    }

    /**
     * Whether the caller runs this course, as Studio counts its team: platform admins, the org's admins, the
     * course's instructors and staff.
     */
    public boolean isCourseTeam(JsonWebToken jwt, String courseKey) {
        if (jwt.getGroups().contains("admin")) {
            return true;
        }
        String org = CourseKeys.isCourseKey(courseKey) ? CourseKeys.orgOf(courseKey) : "";
        return holds(jwt, "course_staff", courseKey) || holds(jwt, "course_instructor", courseKey)
                || holds(jwt, "org_admin", org);
    }

    private boolean askAuth(String userId, String role, String scope) {
        String url = checkUrl + "?user=" + enc(userId) + "&role=" + enc(role) + "&scope=" + enc(scope);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Authorization", serviceTokens.authorizationHeader()).header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("auth answered " + response.statusCode() + " to a permission check");
            }
            return json.readTree(response.body()).path("allowed").asBoolean(false);
        } catch (IOException e) {
            throw new IllegalStateException("auth unreachable for a permission check: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
