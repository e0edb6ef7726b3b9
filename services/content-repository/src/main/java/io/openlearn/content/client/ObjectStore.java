package io.openlearn.content.client;

import io.openlearn.content.config.ContentConfig;
import io.openlearn.s3.S3ClientFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The one bucket of content-repository: assets under {@code assets/}, grading structures under {@code structures/}. */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final ContentConfig.S3 config;
    private volatile boolean bucketKnown;

    public ObjectStore(S3Client s3, S3Presigner presigner, ContentConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config.s3();
    }

    public record StoredObject(String key, long size, String contentType, Instant lastModified) {
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensureBucket();
        } catch (RuntimeException e) {
            // S3 being away must not stop the service: asset and structure calls retry the check
            LOG.warnf("S3 bucket %s not reachable at start (%s); retried on first use", config.bucket(), e.toString());
        }
    }

    public void put(String key, byte[] bytes, String contentType) {
        ensureBucket();
        s3.putObject(b -> b.bucket(config.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    public void put(String key, InputStream body, long length, String contentType) {
        ensureBucket();
        s3.putObject(b -> b.bucket(config.bucket()).key(key).contentType(contentType).contentLength(length),
                RequestBody.fromInputStream(body, length));
    }

    public Optional<byte[]> getBytes(String key) {
        ensureBucket();
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The object's content as a stream; the caller closes it. */
    public Optional<ResponseInputStream<GetObjectResponse>> open(String key) {
        ensureBucket();
        try {
            return Optional.of(s3.getObject(b -> b.bucket(config.bucket()).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public Optional<StoredObject> head(String key) {
        ensureBucket();
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(config.bucket()).key(key));
            return Optional.of(new StoredObject(key, head.contentLength(), head.contentType(), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every object under the prefix, following continuation tokens. */
    public List<StoredObject> list(String prefix) {
        ensureBucket();
        List<StoredObject> result = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(prefix)).contents()) {
            result.add(new StoredObject(o.key(), o.size(), null, o.lastModified()));
        }
        return result;
    }

    public void copy(String fromKey, String toKey) {
        ensureBucket();
        s3.copyObject(b -> b.sourceBucket(config.bucket()).sourceKey(fromKey).destinationBucket(config.bucket())
                .destinationKey(toKey));
    }

    public void delete(String key) {
        ensureBucket();
        s3.deleteObject(b -> b.bucket(config.bucket()).key(key));
    }

    /** A URL that lets its holder PUT exactly this object, with this type and length, until it expires. */
    public URL presignPut(String key, String contentType, long length, Duration ttl) {
        ensureBucket();
        return presigner.presignPutObject(p -> p.signatureDuration(ttl).putObjectRequest(r -> r.bucket(config.bucket())
                .key(key).contentType(contentType).contentLength(length))).url();
    }

    public URL presignGet(String key, Duration ttl) {
        return presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(r -> r.bucket(config.bucket())
                .key(key))).url();
    }

    private void ensureBucket() {
        if (bucketKnown) {
            return;
        }
        S3ClientFactory.ensureBucket(s3, config);
        bucketKnown = true;
    }
}
