package io.openlearn.submission.client;

import io.openlearn.kit.cache.TtlCache;
import io.openlearn.kit.client.Upstream;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.submission.config.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** A course run's schedule and grace period from course-authoring, remembered for a few seconds. */
@ApplicationScoped
public class AuthoringClient {

    private static final String SERVICE = "course-authoring";

    private final AuthoringCalls authoring;
    private final TtlCache<String, CourseSchedule> schedules;

    AuthoringClient(AuthoringCalls authoring, SubmissionConfig config) {
        this.authoring = authoring;
        this.schedules = new TtlCache<>(config.courseCacheTtl(), 10_000);
    }

    public CourseSchedule schedule(String courseKey) {
        return schedules.get(courseKey, this::load);
    }

    private CourseSchedule load(String courseKey) {
        AuthoringCalls.Run run = Upstream.find(SERVICE, () -> authoring.run(courseKey))
                .orElseThrow(() -> new ProblemException(404, "No course run " + courseKey + "."));
        // no policy (or one this service may not read): no grace period
        long grace = Upstream.unlessRefused(SERVICE, () -> authoring.policy(courseKey))
                .map(AuthoringCalls.Policy::gracePeriodSeconds).orElse(0L);
        return new CourseSchedule(run.start(), run.end(), Duration.ofSeconds(grace),
                Duration.ofDays(run.daysEarlyForBeta() == null ? 0 : run.daysEarlyForBeta()));
    }
}
