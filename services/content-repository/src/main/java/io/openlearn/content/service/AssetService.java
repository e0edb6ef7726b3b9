package io.openlearn.content.service;

import io.openlearn.content.client.ObjectStore;
import io.openlearn.content.client.ObjectStore.StoredObject;
import io.openlearn.content.config.ContentConfig;
import io.openlearn.kit.courseware.CoursewareReaders;
import io.openlearn.kit.problem.ProblemException;
import io.openlearn.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A course's files (images, PDFs, media) in S3 under {@code assets/<courseKey>/<name>}. Uploads go straight to S3
 * through a presigned PUT (type and length signed in) or through the service with the same limits; downloads are
 * presigned GETs, so file bytes never pass through the service on the way out.
 */
@ApplicationScoped
public class AssetService {

    public static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$");

    private final ObjectStore store;
    private final ContentConfig.Assets config;
    private final Clock clock = Clock.systemUTC();

    private final CoursewareReaders readers;

    public AssetService(ObjectStore store, ContentConfig config, CoursewareReaders readers) {
        this.store = store;
        this.config = config.assets();
        this.readers = readers;
    }

    public record Asset(String name, long size, String contentType, Instant lastModified) {
    }

    public record Upload(String name, String contentType, long size, String uploadUrl, String method,
            Instant expiresAt) {
    }

    public record Download(String name, long size, String contentType, String downloadUrl, Instant expiresAt) {
    }

    /** Whoever reads the course's courseware now lists its assets ({@link CoursewareReaders}). */
    public List<Asset> list(Caller caller, String courseKey) {
        readers.of(courseKey, CoursewareReaders.Preview.NONE);
        return list(courseKey);
    }

    public Download download(Caller caller, String courseKey, String name) {
        readers.of(courseKey, CoursewareReaders.Preview.NONE);
        return download(courseKey, name);
    }

    public Upload presignUpload(Caller caller, String courseKey, String name, String contentType, Long size) {
        ContentTeam.requireTeam(caller, courseKey);
        return presignUpload(courseKey, name, contentType, size);
    }

    public Asset upload(Caller caller, String courseKey, String name, String contentType, Long size,
            InputStream body) {
        ContentTeam.requireTeam(caller, courseKey);
        return upload(courseKey, name, contentType, size, body);
    }

    public void delete(Caller caller, String courseKey, String name) {
        ContentTeam.requireTeam(caller, courseKey);
        delete(courseKey, name);
    }

    Upload presignUpload(String courseKey, String name, String contentType, Long size) {
        String type = checked(name, contentType, size);
        URL url = store.presignPut(key(courseKey, name), type, size, config.urlTtl());
        return new Upload(name, type, size, url.toString(), "PUT", clock.instant().plus(config.urlTtl()));
    }

    public Asset upload(String courseKey, String name, String contentType, Long size, InputStream body) {
        String type = checked(name, contentType, size);
        store.put(key(courseKey, name), body, size, type);
        return new Asset(name, size, type, clock.instant());
    }

    public List<Asset> list(String courseKey) {
        String prefix = prefix(courseKey);
        return store.list(prefix).stream().map(o -> new Asset(o.key().substring(prefix.length()), o.size(),
                o.contentType(), o.lastModified())).toList();
    }

    Download download(String courseKey, String name) {
        StoredObject object = existing(courseKey, name);
        URL url = store.presignGet(object.key(), config.urlTtl());
        return new Download(name, object.size(), object.contentType(), url.toString(),
                clock.instant().plus(config.urlTtl()));
    }

    void delete(String courseKey, String name) {
        existing(courseKey, name);
        store.delete(key(courseKey, name));
    }

    public static String prefix(String courseKey) {
        return "assets/" + courseKey + "/";
    }

    public static String key(String courseKey, String name) {
        return prefix(courseKey) + name;
    }

    public long maxUploadSize() {
        return config.maxUploadSize();
    }

    /** Whether a content type may be stored; parameters such as charset are ignored. */
    public String allowedType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!config.allowedTypes().contains(type)) {
            throw new ProblemException(415, "Assets of type '" + type + "' are not accepted; allowed: "
                    + String.join(", ", config.allowedTypes()) + ".");
        }
        return type;
    }

    private StoredObject existing(String courseKey, String name) {
        requireName(name);
        return store.head(key(courseKey, name))
                .orElseThrow(() -> new ProblemException(404, "No asset " + name + " in " + courseKey + "."));
    }

    private String checked(String name, String contentType, Long size) {
        requireName(name);
        String type = allowedType(contentType);
        if (size == null) {
            throw new ProblemException(411, "Give the asset's size (Content-Length, or size for a presigned upload).");
        }
        if (size < 0 || size > config.maxUploadSize()) {
            throw new ProblemException(413, "Assets are at most " + config.maxUploadSize() + " bytes; this one is "
                    + size + ".");
        }
        return type;
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProblemException.invalid("name", "1 to 200 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit");
        }
    }
}
