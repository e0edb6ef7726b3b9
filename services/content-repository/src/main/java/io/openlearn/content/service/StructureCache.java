package io.openlearn.content.service;

import io.openlearn.content.config.ContentConfig;
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
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    public StructureCache(ContentConfig config) {
        this.maxBytes = config.structure().cacheMaxBytes();
    }

    /** The JSON and its gzip form, both ready to send. */
    public record Entry(byte[] json, byte[] gzip) {
        public static Entry of(byte[] json) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(json.length / 6 + 64);
            try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
                zip.write(json);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Entry(json, out.toByteArray());
        }

        long size() {
            return (long) json.length + gzip.length;
        }
    }

    public synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized void put(String key, Entry value) {
        if (value.size() > maxBytes) {
            return;
        }
        Entry previous = entries.put(key, value);
        bytes += value.size() - (previous == null ? 0 : previous.size());
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            Map.Entry<String, Entry> entry = oldest.next();
            bytes -= entry.getValue().size();
            oldest.remove();
        }
    }
}
