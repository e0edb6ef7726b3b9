package io.openlearn.content.client;

import io.openlearn.content.config.ContentConfig;
import io.openlearn.s3.S3ClientFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 client and presigner, built once from {@code content.s3.*} (platform-s3 builds them). */
@ApplicationScoped
public class S3Clients {

    @Produces
    @ApplicationScoped
    S3Client client(ContentConfig config) {
        return S3ClientFactory.client(config.s3());
    }

    void close(@Disposes S3Client client) {
        client.close();
    }

    @Produces
    @ApplicationScoped
    S3Presigner presigner(ContentConfig config) {
        return S3ClientFactory.presigner(config.s3());
    }

    void close(@Disposes S3Presigner presigner) {
        presigner.close();
    }
}
