package io.openlearn.content.config;

import io.openlearn.s3.S3Settings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** content-repository's own settings (environment: CONTENT_S3_BUCKET, CONTENT_ASSETS_MAX_UPLOAD_SIZE, ...). */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    S3 s3();

    Assets assets();

    Structure structure();

    Events events();

    Courseware courseware();

    interface S3 extends S3Settings {
    }

    interface Assets {
        /** Largest asset accepted, proxied or presigned, in bytes. */
        @WithDefault("104857600")
        long maxUploadSize();

        @WithDefault("image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/csv,video/mp4,"
                + "audio/mpeg,application/zip")
        List<String> allowedTypes();

        /** How long presigned upload and download URLs stay valid. */
        @WithDefault("PT15M")
        Duration urlTtl();
    }

    interface Structure {
        /** Memory for collected grading structures, in bytes; the least recently read go first. */
        @WithDefault("33554432")
        long cacheMaxBytes();
    }

    /** Where the access facts of learners come from, and how long answers are trusted. */
    interface Courseware {
        /** course-authoring: a run's start, beta head start and catalog visibility. */
        @WithDefault("http://127.0.0.1:8082")
        String authoringUrl();

        /** enrollment: whether a learner is actively enrolled. */
        @WithDefault("http://127.0.0.1:8084")
        String enrollmentUrl();

        /** submission: a learner's deadline extensions, which move when hide-after-due content hides. */
        @WithDefault("http://127.0.0.1:8085")
        String submissionUrl();

        /** grades: the subsections gates lock for a learner, asked only for a version with gates. */
        @WithDefault("http://127.0.0.1:8086")
        String gradesUrl();

        @WithDefault("PT15S")
        Duration runCacheTtl();

        /** Only "actively enrolled" is remembered, never "not enrolled". */
        @WithDefault("PT10S")
        Duration enrollmentCacheTtl();

        @WithDefault("PT15S")
        Duration extensionCacheTtl();

        /** Published versions whose schedule index is kept in memory. */
        @WithDefault("64")
        int indexedVersions();
    }

    interface Events {
        @WithDefault("1S")
        Duration relayInterval();

        @WithDefault("PT10S")
        Duration confirmTimeout();
    }
}
