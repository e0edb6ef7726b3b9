package io.openlearn.submission.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.ServiceHttp;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.submission.config.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** A course run's schedule and grace period from course-authoring, remembered for a few seconds. */
@ApplicationScoped
public class AuthoringClient {

    private final ServiceHttp http;
    private final SubmissionConfig config;
    private final TtlCache<String, CourseSchedule> schedules;

    public AuthoringClient(ServiceHttp http, SubmissionConfig config) {
        this.http = http;
        this.config = config;
        this.schedules = new TtlCache<>(config.courseCacheTtl(), 10_000);
    }

    public CourseSchedule schedule(String courseKey) {
        return schedules.get(courseKey, this::load);
    }

    private CourseSchedule load(String courseKey) {
        String run = config.authoringUrl() + "/api/authoring/v1/course-runs/" + courseKey;
        ServiceHttp.Answer answer = http.get("course-authoring", run);
        if (answer.status() == 404) {
            throw new ProblemException(404, "No course run " + courseKey + ".");
        }
        if (answer.status() != 200) {
            throw new ProblemException(502, "course-authoring answered " + answer.status() + " for " + courseKey);
        }
        ServiceHttp.Answer policy = http.get("course-authoring", run + "/grading-policy");
        long grace = policy.status() == 200 ? policy.body().path("gracePeriodSeconds").asLong(0) : 0;
        return new CourseSchedule(instant(answer.body().path("start")), instant(answer.body().path("end")),
                Duration.ofSeconds(grace), Duration.ofDays(answer.body().path("daysEarlyForBeta").asInt(0)));
    }

    static Instant instant(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : Instant.parse(node.asText());
    }
}
