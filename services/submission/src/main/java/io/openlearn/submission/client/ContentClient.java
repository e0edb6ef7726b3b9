package io.openlearn.submission.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.submission.config.SubmissionConfig;
import io.openlearn.submission.domain.AnswerKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Published problems from content-repository, read with this service's token so answer keys are included. The
 * latest version's structure is trusted for a few seconds; a version's problems never change, so answer keys are
 * kept per (course, version, problem) until memory asks for room.
 */
@ApplicationScoped
public class ContentClient {

    private final ServiceHttp http;
    private final SubmissionConfig config;
    private final TtlCache<String, Structure> latest;
    private final TtlCache<String, AnswerKey> answerKeys;

    /** Which subsection each problem of one version sits in, with the settings submitting depends on. */
    record Structure(int version, Map<String, Placement> placements) {
    }

    /** {@code release} is the problem's effective release date (its own, its unit's, subsection's, chapter's). */
    record Placement(String subsectionKey, Instant due, String showCorrectness, Instant release) {
    }

    public ContentClient(ServiceHttp http, SubmissionConfig config) {
        this.http = http;
        this.config = config;
        this.latest = new TtlCache<>(config.courseCacheTtl(), 10_000);
        this.answerKeys = new TtlCache<>(Duration.ofDays(365), 50_000);
    }

    /**
     * The problem in the course's latest published version; 404 when it is not a published problem, or one visible
     * to staff only (no learner may answer what they may never see).
     */
    public ProblemContext problem(String courseKey, String itemKey) {
        Structure structure = latest.get(courseKey, this::loadStructure);
        Placement placement = structure.placements().get(itemKey);
        if (placement == null) {
            throw new ProblemException(404, itemKey + " is not a published problem of " + courseKey + ".");
        }
        AnswerKey key = answerKeys.get(courseKey + "|" + structure.version() + "|" + itemKey,
                k -> loadAnswerKey(courseKey, structure.version(), itemKey));
        return new ProblemContext(structure.version(), placement.subsectionKey(), placement.due(),
                placement.showCorrectness(), placement.release(), key);
    }

    private Structure loadStructure(String courseKey) {
        ServiceHttp.Answer answer = http.get("content-repository", config.contentUrl() + "/api/content/v1/courses/"
                + courseKey + "/structure");
        if (answer.status() == 404) {
            throw new ProblemException(404, courseKey + " has no published content.");
        }
        if (answer.status() != 200) {
            throw new ProblemException(502, "content-repository answered " + answer.status() + " for " + courseKey);
        }
        Map<String, Placement> placements = new HashMap<>();
        for (JsonNode subsection : answer.body().path("subsections")) {
            String subsectionKey = subsection.path("key").asText();
            Instant due = AuthoringClient.instant(subsection.path("due"));
            String showCorrectness = text(subsection.path("showCorrectness"));
            for (JsonNode problem : subsection.path("problems")) {
                if (!problem.path("visibleToStaffOnly").asBoolean(false)) {
                    placements.put(problem.path("key").asText(), new Placement(subsectionKey, due, showCorrectness,
                            AuthoringClient.instant(problem.path("start"))));
                }
            }
        }
        return new Structure(answer.body().path("version").asInt(), placements);
    }

    private AnswerKey loadAnswerKey(String courseKey, int version, String itemKey) {
        ServiceHttp.Answer answer = http.get("content-repository", config.contentUrl() + "/api/content/v1/courses/"
                + courseKey + "/versions/" + version + "/blocks/" + itemKey);
        if (answer.status() != 200) {
            throw new ProblemException(answer.status() == 404 ? 404 : 502, "content-repository answered "
                    + answer.status() + " for " + itemKey);
        }
        return toAnswerKey(answer.body().path("problem"));
    }

    static AnswerKey toAnswerKey(JsonNode p) {
        AnswerKey.Kind kind = AnswerKey.Kind.valueOf(p.path("kind").asText().toUpperCase(Locale.ROOT));
        JsonNode tolerance = p.path("tolerance");
        return new AnswerKey(kind, ids(p.path("choices"), "id"), p.path("multipleAnswers").asBoolean(false),
                strings(p.path("correctChoices")), p.hasNonNull("answer") ? p.path("answer").asDouble() : null,
                "relative".equals(tolerance.path("mode").asText()) ? AnswerKey.ToleranceMode.RELATIVE
                        : AnswerKey.ToleranceMode.ABSOLUTE, tolerance.path("value").asDouble(0),
                strings(p.path("acceptedAnswers")), p.path("caseSensitive").asBoolean(false), text(p.path("pattern")),
                p.hasNonNull("maxScore") ? p.path("maxScore").asDouble() : 1.0,
                p.hasNonNull("maxAttempts") ? p.path("maxAttempts").asInt() : null);
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> result = new ArrayList<>();
        array.forEach(node -> result.add(node.path(field).asText()));
        return result;
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(node -> result.add(node.asText()));
        return result;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
