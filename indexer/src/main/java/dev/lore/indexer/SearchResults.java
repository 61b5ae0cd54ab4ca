package dev.lore.indexer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page of hits, how many matched in all, facet counts over all matches (name to value to count,
 * largest first), a spelling suggestion when the query found little, and whether the hits come
 * from the fuzzy fallback (the exact words matched nothing).
 */
public record SearchResults(
        long total,
        List<SearchHit> hits,
        Map<String, Map<String, Long>> facets,
        Optional<String> didYouMean,
        boolean fuzzy) {
    public static SearchResults empty() {
        return new SearchResults(0, List.of(), Map.of(), Optional.empty(), false);
    }
}
