package io.openlearn.kit.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers kept for a while: what other services said about a course (its schedule, a learner's enrollment). Bounded:
 * when full it starts over, which costs a few repeated calls and never memory. A loader that throws leaves nothing
 * behind, so failures are not remembered.
 */
public final class TtlCache<K, V> {

    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    private record Entry<V>(V value, Instant until) {
    }

    public TtlCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, Clock.systemUTC());
    }

    public TtlCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public V get(K key, Function<K, V> loader) {
        Instant now = clock.instant();
        Entry<V> known = entries.get(key);
        if (known != null && known.until().isAfter(now)) {
            return known.value();
        }
        V value = loader.apply(key);
        put(key, value);
        return value;
    }

    /** The remembered value, if still fresh; never loads. */
    public java.util.Optional<V> find(K key) {
        Entry<V> known = entries.get(key);
        return known != null && known.until().isAfter(clock.instant()) ? java.util.Optional.of(known.value())
                : java.util.Optional.empty();
    }

    public void put(K key, V value) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    }
}
