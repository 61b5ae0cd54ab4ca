package dev.lore.indexer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts facet values over every matching document: type, tags, skills, authors (from keyword doc
 * values) and freshness buckets (from the update time). Counts follow the selection: they are taken
 * over the results as filtered.
 */
final class FacetCounts {
    private static final int TOP = 25;
    private static final Map<String, String> FIELDS = Map.of(
            "type", Fields.TYPE_DV, "tags", Fields.TAGS_DV, "skills", Fields.SKILLS_DV, "authors", Fields.AUTHORS_DV);

    private FacetCounts() {}

    static Map<String, Map<String, Long>> count(FacetsCollector collector, Instant now) throws IOException {
        var raw = new HashMap<String, Map<String, Long>>();
        long day = Duration.ofDays(1).toMillis();
        long t = now.toEpochMilli();
        var updated = new LinkedHashMap<String, Long>();
        for (String bucket : List.of("week", "month", "year", "older")) {
            updated.put(bucket, 0L);
        }
        for (FacetsCollector.MatchingDocs hits : collector.getMatchingDocs()) {
            if (hits.totalHits() == 0 || hits.bits() == null) {
                continue;
            }
            var reader = hits.context().reader();
            for (var facet : FIELDS.entrySet()) {
                SortedSetDocValues values = DocValues.getSortedSet(reader, facet.getValue());
                var counts = raw.computeIfAbsent(facet.getKey(), k -> new HashMap<>());
                // count by ordinal, and turn only the ordinals seen into strings, once per segment
                long[] byOrd = new long[(int) Math.min(values.getValueCount(), Integer.MAX_VALUE - 8)];
                DocIdSetIterator docs = hits.bits().iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (values.advanceExact(doc)) {
                        for (int i = 0; i < values.docValueCount(); i++) {
                            byOrd[(int) values.nextOrd()]++;
                        }
                    }
                }
                for (int ord = 0; ord < byOrd.length; ord++) {
                    if (byOrd[ord] > 0) {
                        counts.merge(values.lookupOrd(ord).utf8ToString(), byOrd[ord], Long::sum);
                    }
                }
            }
            NumericDocValues times = DocValues.getNumeric(reader, Fields.UPDATED);
            DocIdSetIterator docs = hits.bits().iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (times.advanceExact(doc)) {
                    long age = t - times.longValue();
                    // buckets nest, as the filters do: a page from last week is also from this month
                    if (age <= 7 * day) {
                        updated.merge("week", 1L, Long::sum);
                    }
                    if (age <= 30 * day) {
                        updated.merge("month", 1L, Long::sum);
                    }
                    if (age <= 365 * day) {
                        updated.merge("year", 1L, Long::sum);
                    } else {
                        updated.merge("older", 1L, Long::sum);
                    }
                }
            }
        }
        var facets = new LinkedHashMap<String, Map<String, Long>>();
        for (String name : List.of("type", "tags", "skills", "authors")) {
            facets.put(name, top(raw.getOrDefault(name, Map.of())));
        }
        facets.put("updated", updated);
        return facets;
    }

    private static Map<String, Long> top(Map<String, Long> counts) {
        var sorted = new LinkedHashMap<String, Long>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
