package io.openlearn.grades.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.grades.domain.AssignmentType;
import io.openlearn.grades.domain.GradingPolicy;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Grading policy versions and the course end from course-authoring; a policy version is fetched once and kept. */
@ApplicationScoped
public class PolicyClient {

    private final ServiceHttp http;
    private final GradingConfig config;
    private final VersionedCache<GradingPolicy> policies;

    public PolicyClient(ServiceHttp http, GradingConfig config) {
        this.http = http;
        this.config = config;
        this.policies = new VersionedCache<>(config.cachedVersions());
    }

    /** The current policy, or empty when the course run does not exist. */
    public Optional<GradingPolicy> current(String courseKey) {
        ServiceHttp.Answer answer = http.get("course-authoring", runUrl(courseKey) + "/grading-policy");
        if (answer.status() == 404) {
            return Optional.empty();
        }
        GradingPolicy policy = parse(courseKey, answer);
        return Optional.of(policies.get(courseKey, policy.version(), key -> policy));
    }

    public GradingPolicy version(String courseKey, long version) {
        return policies.get(courseKey, version, key -> parse(courseKey,
                http.get("course-authoring", runUrl(courseKey) + "/grading-policy/versions/" + version)));
    }

    public Optional<CourseRun> run(String courseKey) {
        ServiceHttp.Answer answer = http.get("course-authoring", runUrl(courseKey));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new ProblemException(502, "course-authoring answered " + answer.status() + " for " + courseKey + ".");
        }
        return Optional.of(CourseRun.of(courseKey, answer.body()));
    }

    private String runUrl(String courseKey) {
        return config.authoringUrl() + "/api/authoring/v1/course-runs/" + courseKey;
    }

    /** Reads the policy document shape of course-authoring's contract ({@code PolicyVersion}). */
    public static GradingPolicy parse(String courseKey, ServiceHttp.Answer answer) {
        if (answer.status() != 200) {
            throw new ProblemException(502, "course-authoring answered " + answer.status()
                    + " for the grading policy of " + courseKey + ".");
        }
        return fromJson(answer.body());
    }

    public static GradingPolicy fromJson(JsonNode body) {
        List<AssignmentType> types = new ArrayList<>();
        for (JsonNode type : body.path("assignmentTypes")) {
            JsonNode label = type.path("shortLabel");
            types.add(new AssignmentType(type.path("type").asText(), type.path("minCount").asInt(),
                    type.path("dropCount").asInt(), type.path("weight").asDouble(),
                    label.isTextual() ? label.asText() : null));
        }
        Map<String, Double> cutoffs = new LinkedHashMap<>();
        body.path("gradeCutoffs").fields().forEachRemaining(e -> cutoffs.put(e.getKey(), e.getValue().asDouble()));
        return new GradingPolicy(body.path("version").asLong(0), types, cutoffs);
    }
}
