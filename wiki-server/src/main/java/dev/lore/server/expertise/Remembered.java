package dev.lore.server.expertise;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the graph said about something, kept while nothing it depends on can have changed: the
 * search index's generation (articles, declared skills, people: every change to the graph moves
 * the change sequence, which the index applies, another server's changes too) and the expertise
 * store's count of evidence writes and the graph's version ({@link dev.lore.graph.GraphVersion},
 * which any server's write moves) are the same as when it was read, and it is younger than a
 * time-to-live that bounds what the clock changes (time decay, leave that ends on a date).
 * Thread-safe; when full it starts again empty.
 */
final class Remembered<V> {
    /** The state of the graph a value was read at. */
    record Version(long generation, long writes, long graphVersion) {}

    private record Entry<V>(Version version, Instant at, V value) {}

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Duration ttl;

    Remembered(int capacity, Duration ttl) {
        this.capacity = capacity;
        this.ttl = ttl;
    }

    /** The value kept for {@code key}, if it was read at {@code version} less than the TTL ago; else null. */
    V get(String key, Version version, Instant now) {
        Entry<V> e = entries.get(key);
        return e != null && e.version().equals(version) && e.at().plus(ttl).isAfter(now) ? e.value() : null;
    }

    /**
     * Keeps {@code value}, read at {@code version}: the version taken before the read, so that a
     * change made during it makes the value stale.
     */
    void put(String key, Version version, Instant now, V value) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, new Entry<>(version, now, value));
    }
}
