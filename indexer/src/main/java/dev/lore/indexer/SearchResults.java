package dev.lore.indexer;

import java.util.List;

/** A page of hits and how many matched in all. */
public record SearchResults(long total, List<SearchHit> hits) {
    public static SearchResults empty() {
        return new SearchResults(0, List.of());
    }
}
