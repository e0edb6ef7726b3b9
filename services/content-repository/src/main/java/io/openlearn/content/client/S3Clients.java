package io.openlearn.content.client;

import io.openlearn.content.config.ContentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
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
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner, built once from {@code content.s3.*}. Checksums only when required: S3Proxy and
 * some S3-compatible stores reject the SDK's default trailing checksums.
 */
@ApplicationScoped
public class S3Clients {

    @Produces
    @ApplicationScoped
    S3Client client(ContentConfig config) {
        ContentConfig.S3 s3 = config.s3();
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

    void close(@Disposes S3Client client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    S3Presigner presigner(ContentConfig config) {
        ContentConfig.S3 s3 = config.s3();
        var builder = S3Presigner.builder().region(Region.of(s3.region())).credentialsProvider(credentials(s3))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle(s3)).build());
        s3.publicEndpoint().or(s3::endpoint).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes S3Presigner presigner) {
        presigner.close();
    }

    private static boolean pathStyle(ContentConfig.S3 s3) {
        return s3.pathStyle().orElse(s3.endpoint().isPresent());
    }

    private static AwsCredentialsProvider credentials(ContentConfig.S3 s3) {
        if (s3.accessKeyId().isPresent() && s3.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId().get(),
                    s3.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

}
