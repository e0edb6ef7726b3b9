package io.openlearn.content.client;

import io.openlearn.content.config.ContentConfig;
import io.openlearn.kit.courseware.CoursewareCalls;
import io.openlearn.kit.courseware.CoursewareFacts;
import io.openlearn.kit.courseware.CoursewareReaders;
import io.openlearn.kit.courseware.GateLocks;
import io.openlearn.kit.security.CourseCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The access facts of learners, asked of course-authoring, enrollment, submission and grades (what gates lock) at
 * this service's configured URLs, and the rule that reads them.
 */
@ApplicationScoped
public class CoursewareFactsProducer {

    @Produces
    @ApplicationScoped
    CoursewareFacts coursewareFacts(CoursewareCalls calls, ContentConfig config) {
        ContentConfig.Courseware settings = config.courseware();
        return new CoursewareFacts(calls, new CoursewareFacts.Upstreams(settings.authoringUrl(),
                settings.enrollmentUrl(), settings.submissionUrl()),
                new CoursewareFacts.Ttls(settings.runCacheTtl(),
                        settings.enrollmentCacheTtl(), settings.extensionCacheTtl()));
    }

    @Produces
    @ApplicationScoped
    GateLocks gateLocks(CoursewareCalls calls, ContentConfig config) {
        return new GateLocks(calls, config.courseware().gradesUrl());
    }

    @Produces
    @ApplicationScoped
    CoursewareReaders coursewareReaders(CourseCaller caller, CoursewareFacts facts, JsonWebToken jwt) {
        return new CoursewareReaders(caller, facts, jwt, Clock.systemUTC());
    }
}
