package io.openlearn.grades.config;

import io.openlearn.s3.S3Settings;
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

    /** Where grade reports (CSV) are stored and how long their download links live. */
    Reports reports();

    interface Reports {
        S3 s3();

        /** How long a report's presigned download link stays valid. */
        @WithDefault("PT15M")
        Duration urlTtl();
    }

    interface S3 extends S3Settings {
    }

    /** How long the answers behind a learner's outline and progress are trusted. */
    Courseware courseware();

    interface Courseware {
        /** A course run's start, title, beta head start and outline visibility (course-authoring). */
        @WithDefault("PT15S")
        Duration runCacheTtl();

        /** Only "actively enrolled" is remembered (enrollment); "not enrolled" is asked again every time. */
        @WithDefault("PT10S")
        Duration enrollmentCacheTtl();

        /** A learner's deadline extensions (submission): a new extension shows in the outline within this time. */
        @WithDefault("PT15S")
        Duration extensionCacheTtl();
    }

    /** Structures and policy versions kept in memory: both are immutable per version, so only size bounds them. */
    @WithDefault("256")
    int cachedVersions();
}
