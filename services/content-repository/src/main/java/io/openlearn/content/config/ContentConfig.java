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

    interface Events {
        @WithDefault("1S")
        Duration relayInterval();

        @WithDefault("PT10S")
        Duration confirmTimeout();
    }
}
