package io.openlearn.content.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** content-repository's own settings (environment: CONTENT_S3_BUCKET, CONTENT_ASSETS_MAX_UPLOAD_SIZE, ...). */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    S3 s3();

    Assets assets();

    Structure structure();

    Events events();

    interface S3 {
        /** Absent: AWS S3 itself. Set for MinIO or the local S3Proxy. */
        Optional<URI> endpoint();

        /** The address browsers use for presigned URLs, when it differs from {@link #endpoint()}. */
        Optional<URI> publicEndpoint();

        @WithDefault("us-east-1")
        String region();

        String bucket();

        /** Absent: the AWS default credential chain (environment, web identity, instance profile). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Path-style addressing; on by default whenever an endpoint is set (MinIO, S3Proxy). */
        Optional<Boolean> pathStyle();

        @WithDefault("true")
        boolean createBucket();
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
