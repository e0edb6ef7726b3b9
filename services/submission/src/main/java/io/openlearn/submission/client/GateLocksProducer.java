package io.openlearn.submission.client;

import io.openlearn.kit.courseware.CoursewareCalls;
import io.openlearn.kit.courseware.GateLocks;
import io.openlearn.submission.config.SubmissionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** grades' locked subsections, asked at {@code submission.grades-url} before an answer in a course with gates. */
@ApplicationScoped
public class GateLocksProducer {

    @Produces
    @ApplicationScoped
    GateLocks gateLocks(CoursewareCalls calls, SubmissionConfig config) {
        return new GateLocks(calls, config.gradesUrl());
    }
}
