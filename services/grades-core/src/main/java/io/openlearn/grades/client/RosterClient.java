package io.openlearn.grades.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A course's active learners from enrollment, one keyset page at a time. */
@ApplicationScoped
public class RosterClient {

    public record Page(List<UUID> learners, String nextCursor) {
    }

    private final ServiceHttp http;
    private final GradingConfig config;

    public RosterClient(ServiceHttp http, GradingConfig config) {
        this.http = http;
        this.config = config;
    }

    public Page activeLearners(String courseKey, String after, int limit) {
        String url = config.enrollmentUrl() + "/api/enrollment/v1/courses/" + courseKey
                + "/enrollments?active=true&limit=" + limit
                + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        ServiceHttp.Answer answer = http.get("enrollment", url);
        if (answer.status() != 200) {
            throw new ProblemException(502, "enrollment answered " + answer.status() + " for the roster of "
                    + courseKey + ".");
        }
        List<UUID> learners = new ArrayList<>();
        for (JsonNode item : answer.body().path("items")) {
            learners.add(UUID.fromString(item.path("userId").asText()));
        }
        JsonNode next = answer.body().path("nextCursor");
        return new Page(learners, next.isTextual() ? next.asText() : null);
    }
}
