package io.openlearn.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds S3 clients and presigners from {@link S3Settings}. Checksums only when required: S3Proxy and some
 * S3-compatible stores reject the SDK's default trailing checksums.
 */
public final class S3ClientFactory {

    private S3ClientFactory() {
    }

    public static S3Client client(S3Settings s3) {
        var builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials(s3))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(30)).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle(s3)).build());
        s3.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static S3Presigner presigner(S3Settings s3) {
        var builder = S3Presigner.builder().region(Region.of(s3.region())).credentialsProvider(credentials(s3))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle(s3)).build());
        s3.publicEndpoint().or(s3::endpoint).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Creates the bucket when it is missing and the settings allow it (local stand-ins, first start). */
    public static void ensureBucket(S3Client client, S3Settings s3) {
        try {
            client.headBucket(b -> b.bucket(s3.bucket()));
        } catch (S3Exception e) {
            // S3Proxy answers a missing bucket with a bare 404 rather than NoSuchBucket
            if (!(e instanceof NoSuchBucketException) && e.statusCode() != 404 || !s3.createBucket()) {
                throw e;
            }
            try {
                client.createBucket(b -> b.bucket(s3.bucket()));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another replica created it first
            }
        }
    }

    private static boolean pathStyle(S3Settings s3) {
        return s3.pathStyle().orElse(s3.endpoint().isPresent());
    }

    private static AwsCredentialsProvider credentials(S3Settings s3) {
        if (s3.accessKeyId().isPresent() && s3.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId().get(),
                    s3.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
