package dev.lore.server.web;

import dev.lore.graph.Graph;
import dev.lore.graph.GraphVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Parts of page views that are the same for every reader and depend only on what the graph's
 * version ({@link GraphVersion}) numbers (articles, people, the page tree, skills, endorsements,
 * comments, promotions...): each is kept with the version read before it was read, and served
 * again only while the version is unchanged, which any server's write to the shared graph moves.
 * Inside a page view's one read transaction the version is read once for all parts. Never give it
 * a part that depends on the reader, the clock, or on writes that do not move the version
 * (notifications, watches, reads, verification, path progress). Bounded by entries; when full it
 * starts again empty. Values must not be changed by callers. Thread-safe.
 */
public final class ViewParts {
    public static final int MAX_ENTRIES = 10_000;

    private record Entry(long version, Object value) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The highest version seen: a lower one means the graph was replaced (a restore), so all goes. */
    private final java.util.concurrent.atomic.AtomicLong highest =
            new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

    private final LongSupplier version;
    private final int maxEntries;

    ViewParts(LongSupplier version, int maxEntries) {
        this.version = version;
        this.maxEntries = maxEntries;
    }

    public static ViewParts of(Graph graph) {
        return new ViewParts(() -> GraphVersion.read(graph), MAX_ENTRIES);
    }

    /** Parts kept with the version {@code version} reads, at most {@code maxEntries} of them. */
    public static ViewParts at(LongSupplier version, int maxEntries) {
        return new ViewParts(version, maxEntries);
    }

    /**
     * The part under {@code key} as kept at the graph's current version, or read now by {@code read}
     * (after the version, so a change in between makes it too new, never too old) and kept. A
     * failure is not kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> read) {
        long now = version.getAsLong();
        if (highest.getAndAccumulate(now, Math::max) > now) {
            entries.clear();
        }
        Entry kept = entries.get(key);
        if (kept != null && kept.version() == now) {
            return (T) kept.value();
        }
        T value = read.get();
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(now, value));
        return value;
    }

    /** How many parts are kept now. */
    public int size() {
        return entries.size();
    }
}
