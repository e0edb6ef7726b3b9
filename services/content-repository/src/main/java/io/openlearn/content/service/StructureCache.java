package io.openlearn.content.service;

import io.openlearn.content.config.ContentConfig;
import io.openlearn.kit.http.JsonBody;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Serialized grading structures kept in memory (JSON and gzip, so no request serializes or compresses anything),
 * bounded by bytes, least recently read dropped first. Entries never go stale: a published version never changes.
 */
@ApplicationScoped
public class StructureCache {

    private final long maxBytes;
    private final LinkedHashMap<String, JsonBody> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public StructureCache(ContentConfig config) {
        this.maxBytes = config.structure().cacheMaxBytes();
    }

    public synchronized Optional<JsonBody> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized void put(String key, JsonBody value) {
        if (value.size() > maxBytes) {
            return;
        }
        JsonBody previous = entries.put(key, value);
        bytes += value.size() - (previous == null ? 0 : previous.size());
        Iterator<Map.Entry<String, JsonBody>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            Map.Entry<String, JsonBody> entry = oldest.next();
            bytes -= entry.getValue().size();
            oldest.remove();
        }
    }
}
