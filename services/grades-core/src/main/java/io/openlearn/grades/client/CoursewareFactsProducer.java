package io.openlearn.grades.client;

import io.openlearn.grades.config.GradingConfig;
import io.openlearn.kit.courseware.CoursewareCalls;
import io.openlearn.kit.courseware.CoursewareFacts;
import io.openlearn.kit.courseware.CoursewareReaders;
import io.openlearn.kit.security.CourseCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The access facts of learners (outline, progress), asked of course-authoring, enrollment and submission, and their
 * rule.
 */
@ApplicationScoped
public class CoursewareFactsProducer {

    @Produces
    @ApplicationScoped
    CoursewareFacts coursewareFacts(CoursewareCalls calls, GradingConfig config) {
        GradingConfig.Courseware ttls = config.courseware();
        return new CoursewareFacts(calls, new CoursewareFacts.Upstreams(config.authoringUrl(),
                config.enrollmentUrl(), config.submissionUrl()),
                new CoursewareFacts.Ttls(ttls.runCacheTtl(),
                        ttls.enrollmentCacheTtl(), ttls.extensionCacheTtl()));
    }

    @Produces
    @ApplicationScoped
    CoursewareReaders coursewareReaders(CourseCaller caller, CoursewareFacts facts, JsonWebToken jwt) {
        return new CoursewareReaders(caller, facts, jwt, Clock.systemUTC());
    }
}
