package io.openlearn.grades.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Immutable things by (course, version): a published structure or a policy version never changes, so entries only
 * leave when the least recently used one makes room.
 */
final class VersionedCache<V> {

    record Key(String courseKey, long version) {
    }

    private final Map<Key, V> entries;

    VersionedCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(String courseKey, long version, Function<Key, V> loader) {
        Key key = new Key(courseKey, version);
        synchronized (entries) {
            V known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        V loaded = loader.apply(key);
        synchronized (entries) {
            entries.put(key, loaded);
        }
        return loaded;
    }
}
