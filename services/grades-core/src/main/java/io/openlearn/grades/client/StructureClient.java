package io.openlearn.grades.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.grades.domain.ChapterDefinition;
import io.openlearn.grades.domain.CourseStructure;
import io.openlearn.grades.domain.ProblemDefinition;
import io.openlearn.grades.domain.SubsectionDefinition;
import io.openlearn.grades.domain.VisibleBlocks;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The grading structure of a published content version as learners are graded on it, fetched once per version and
 * kept.
 */
@ApplicationScoped
public class StructureClient {

    /** One version as content published it, and as learners are graded on it ({@link VisibleBlocks}). */
    private record Views(CourseStructure full, CourseStructure learners) {
        static Views of(CourseStructure full) {
            return new Views(full, VisibleBlocks.forLearners(full));
        }
    }

    private final ServiceHttp http;
    private final GradingConfig config;
    private final VersionedCache<Views> structures;

    public StructureClient(ServiceHttp http, GradingConfig config) {
        this.http = http;
        this.config = config;
        this.structures = new VersionedCache<>(config.cachedVersions());
    }

    /** The latest published version as learners are graded on it, or empty when the course was never published. */
    public Optional<CourseStructure> latest(String courseKey) {
        ServiceHttp.Answer answer = http.get("content-repository", url(courseKey));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        CourseStructure structure = parse(courseKey, answer);
        return Optional.of(structures.get(courseKey, structure.version(), key -> Views.of(structure)).learners());
    }

    /** A version as learners are graded on it: without anything visible to staff only. */
    public CourseStructure version(String courseKey, long version) {
        return views(courseKey, version).learners();
    }

    /** A version with every block, staff-only ones included (the team's outline). */
    public CourseStructure fullVersion(String courseKey, long version) {
        return views(courseKey, version).full();
    }

    private Views views(String courseKey, long version) {
        return structures.get(courseKey, version, key -> Views.of(parse(courseKey,
                http.get("content-repository", url(courseKey) + "?version=" + version))));
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
        List<ChapterDefinition> chapters = new ArrayList<>();
        for (JsonNode chapter : body.path("chapters")) {
            chapters.add(new ChapterDefinition(chapter.path("key").asText(), text(chapter, "displayName"),
                    instant(chapter, "start"), chapter.path("visibleToStaffOnly").asBoolean(false)));
        }
        List<SubsectionDefinition> subsections = new ArrayList<>();
        for (JsonNode subsection : body.path("subsections")) {
            List<ProblemDefinition> problems = new ArrayList<>();
            for (JsonNode problem : subsection.path("problems")) {
                JsonNode weight = problem.path("weight");
                problems.add(new ProblemDefinition(problem.path("key").asText(), problem.path("maxScore").asDouble(),
                        weight.isNumber() ? weight.asDouble() : null,
                        problem.path("visibleToStaffOnly").asBoolean(false)));
            }
            subsections.add(new SubsectionDefinition(subsection.path("key").asText(), text(subsection, "displayName"),
                    subsection.path("graded").asBoolean(), text(subsection, "format"), instant(subsection, "due"),
                    problems, text(subsection, "chapter"), instant(subsection, "start"),
                    subsection.path("visibleToStaffOnly").asBoolean(false),
                    subsection.path("hideAfterDue").asBoolean(false)));
        }
        return new CourseStructure(courseKey, body.path("version").asLong(), chapters, subsections);
    }

    private static Instant instant(JsonNode node, String field) {
        return Optional.ofNullable(text(node, field)).map(Instant::parse).orElse(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
