package io.openlearn.grades.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What grades and grades-worker share (environment: OPENLEARN_GRADING_CONTENT_URL, ...): where the services
 * that grading reads live, and the grading rules that are deployment choices.
 */
@ConfigMapping(prefix = "openlearn.grading")
public interface GradingConfig {

    /** content-repository, for the grading structure of a published version. */
    String contentUrl();

    /** course-authoring, for grading policy versions and the course end. */
    String authoringUrl();

    /** enrollment, for the roster a batch splits into slices. */
    String enrollmentUrl();

    /** submission, which re-evaluates answers when a problem is rescored. */
    String submissionUrl();

    /** Open edX freezes grades 30 days after the course ends; after that only an admin's action changes them. */
    @WithDefault("P30D")
    Duration freezeAfterEnd();

    /** Structures and policy versions kept in memory: both are immutable per version, so only size bounds them. */
    @WithDefault("256")
    int cachedVersions();
}
