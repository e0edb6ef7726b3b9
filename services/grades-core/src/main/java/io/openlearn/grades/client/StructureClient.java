package io.openlearn.grades.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The grading structure of a published content version, fetched once per version and kept. */
@ApplicationScoped
public class StructureClient {

    private final ServiceHttp http;
    private final GradingConfig config;
    private final VersionedCache<CourseStructure> structures;

    public StructureClient(ServiceHttp http, GradingConfig config) {
        this.http = http;
        this.config = config;
        this.structures = new VersionedCache<>(config.cachedVersions());
    }

    /** The latest published version, or empty when the course has never been published. */
    public Optional<CourseStructure> latest(String courseKey) {
        ServiceHttp.Answer answer = http.get("content-repository", url(courseKey));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        CourseStructure structure = parse(courseKey, answer);
        return Optional.of(structures.get(courseKey, structure.version(), key -> structure));
    }

    public CourseStructure version(String courseKey, long version) {
        return structures.get(courseKey, version,
                key -> parse(courseKey, http.get("content-repository", url(courseKey) + "?version=" + version)));
    }

    private String url(String courseKey) {
        return config.contentUrl() + "/api/content/v1/courses/" + courseKey + "/structure";
    }

    private static CourseStructure parse(String courseKey, ServiceHttp.Answer answer) {
        if (answer.status() != 200) {
            throw new ProblemException(502, "content-repository answered " + answer.status()
                    + " for the structure of " + courseKey + ".");
        }
        JsonNode body = answer.body();
        List<SubsectionDefinition> subsections = new ArrayList<>();
        for (JsonNode subsection : body.path("subsections")) {
            List<ProblemDefinition> problems = new ArrayList<>();
            for (JsonNode problem : subsection.path("problems")) {
                JsonNode weight = problem.path("weight");
                problems.add(new ProblemDefinition(problem.path("key").asText(), problem.path("maxScore").asDouble(),
                        weight.isNumber() ? weight.asDouble() : null));
            }
            subsections.add(new SubsectionDefinition(subsection.path("key").asText(), text(subsection, "displayName"),
                    subsection.path("graded").asBoolean(), text(subsection, "format"),
                    Optional.ofNullable(text(subsection, "due")).map(Instant::parse).orElse(null), problems));
        }
        return new CourseStructure(courseKey, body.path("version").asLong(), subsections);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
