package io.openlearn.content.service;

import io.openlearn.content.config.ContentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Serialized grading structures kept in memory, bounded by bytes, least recently read dropped first. Entries never
 * go stale: a published version never changes.
 */
@ApplicationScoped
public class StructureCache {

    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public StructureCache(ContentConfig config) {
        this.maxBytes = config.structure().cacheMaxBytes();
    }

    public synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized void put(String key, byte[] value) {
        if (value.length > maxBytes) {
            return;
        }
        byte[] previous = entries.put(key, value);
        bytes += value.length - (previous == null ? 0 : previous.length);
        Iterator<Map.Entry<String, byte[]>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            Map.Entry<String, byte[]> entry = oldest.next();
            bytes -= entry.getValue().length;
            oldest.remove();
        }
    }

    public synchronized long size() {
        return bytes;
    }
}
