package io.openlearn.s3;

import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Where a service's bucket lives; each service maps it under its own configuration prefix (a nested interface). */
public interface S3Settings {

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

    /** Create the bucket at first use when it is missing (local stand-ins, first start). */
    @WithDefault("true")
    boolean createBucket();
}
