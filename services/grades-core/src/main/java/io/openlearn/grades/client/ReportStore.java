package io.openlearn.grades.client;

import io.openlearn.grades.config.GradingConfig;
import io.openlearn.s3.S3ClientFactory;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Grade reports in S3: written as a stream in 8 MB multipart parts (a report of any size needs one part in memory),
 * read through presigned links so the download never passes through a grades process.
 */
@ApplicationScoped
public class ReportStore {

    /** S3 parts are at least 5 MB except the last; 8 MB keeps a 100,000-learner report to a handful of parts. */
    static final int PART_SIZE = 8 * 1024 * 1024;

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private final GradingConfig.Reports config;
    private volatile S3Client client;
    private volatile S3Presigner presigner;

    public ReportStore(GradingConfig config) {
        this.config = config.reports();
    }

    /** Writes an object by streaming; on failure the upload is aborted and nothing is left behind. */
    public long write(String key, String contentType, Writer writer) throws IOException {
        S3Client s3 = client();
        String bucket = config.s3().bucket();
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        try (PartStream parts = new PartStream(s3, bucket, key, upload)) {
            writer.write(parts);
            parts.flushPart();
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts.completed)));
            return parts.total;
        } catch (IOException | RuntimeException e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
            throw e;
        }
    }

    public URL downloadUrl(String key, String filename) {
        return presigner().presignGetObject(b -> b.signatureDuration(config.urlTtl()).getObjectRequest(g -> g
                .bucket(config.s3().bucket()).key(key)
                .responseContentDisposition("attachment; filename=\"" + filename + "\""))).url();
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
        if (presigner != null) {
            presigner.close();
        }
    }

    private S3Client client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    S3Client created = S3ClientFactory.client(config.s3());
                    S3ClientFactory.ensureBucket(created, config.s3());
                    client = created;
                }
            }
        }
        return client;
    }

    private S3Presigner presigner() {
        if (presigner == null) {
            synchronized (this) {
                if (presigner == null) {
                    presigner = S3ClientFactory.presigner(config.s3());
                }
            }
        }
        return presigner;
    }

    /** Buffers one part and uploads it when full. */
    private static final class PartStream extends OutputStream {
        private final S3Client s3;
        private final String bucket;
        private final String key;
        private final String upload;
        private final byte[] buffer = new byte[PART_SIZE];
        private final List<CompletedPart> completed = new ArrayList<>();
        private int filled;
        private long total;

        PartStream(S3Client s3, String bucket, String key, String upload) {
            this.s3 = s3;
            this.bucket = bucket;
            this.key = key;
            this.upload = upload;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == buffer.length) {
                flushPart();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == buffer.length) {
                    flushPart();
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        void flushPart() {
            if (filled == 0 && !completed.isEmpty()) {
                return;
            }
            int number = completed.size() + 1;
            String tag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number),
                    RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled)).eTag();
            completed.add(CompletedPart.builder().partNumber(number).eTag(tag).build());
            total += filled;
            filled = 0;
        }
    }
}
