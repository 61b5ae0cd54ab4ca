package dev.lore.indexer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The vectors of recent queries, least recently used dropped first: a repeated or refined search
 * (the same words again, the next page, a facet clicked) does not run the model again. Keyed by the
 * text as the model reads it: runs of spaces are one space, and a text of plain ASCII is lowercased
 * (the model's tokenizer lowercases it anyway, so the vector is the same); other text is kept as it
 * is. One cache belongs to one model: an index opened with another model starts with an empty
 * one. A vector handed out is shared: callers do not change it. Thread-safe.
 */
final class QueryVectors {
    /** About 1.6 KB each: 4,096 vectors are under 7 MB of heap. */
    static final int CAPACITY = 4_096;

    private final int capacity;
    private final Map<String, float[]> vectors;
    private long hits;
    private long misses;

    QueryVectors(int capacity) {
        this.capacity = capacity;
        this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > QueryVectors.this.capacity;
            }
        };
    }

    /**
     * The vector of {@code text}: cached, or computed by {@code embed} outside the lock (two
     * threads asking for the same new text may both compute it; they get equal vectors).
     */
    float[] get(String text, Function<String, float[]> embed) {
        String key = key(text);
        synchronized (this) {
            float[] cached = vectors.get(key);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        float[] vector = embed.apply(text);
        if (capacity > 0) {
            synchronized (this) {
                vectors.put(key, vector);
            }
        }
        return vector;
    }

    /** Forgets every vector (benchmarks measure the model's cost with it). */
    synchronized void clear() {
        vectors.clear();
    }

    synchronized int size() {
        return vectors.size();
    }

    /** Lookups answered from the cache and lookups that ran the model. */
    synchronized long[] counts() {
        return new long[] {hits, misses};
    }

    static String key(String text) {
        String collapsed = text.strip().replaceAll("[ \\t\\n\\r]+", " ");
        for (int i = 0; i < collapsed.length(); i++) {
            if (collapsed.charAt(i) >= 128) {
                return collapsed;
            }
        }
        return collapsed.toLowerCase(java.util.Locale.ROOT);
    }
}
