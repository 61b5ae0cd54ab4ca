package dev.lore.indexer;

import java.time.Instant;
import java.util.List;

/** Documents and searches the index tests share. */
final class TestDocs {
    private TestDocs() {}

    /** An article by Ana Silva with the given tags, last changed at the start of 2026. */
    static IndexDoc doc(String id, String title, String body, String... tags) {
        return new IndexDoc(
                "article:" + id,
                "article",
                id,
                title,
                body,
                List.of(tags),
                List.of(),
                List.of("Ana Silva"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** The slugs of the first ten hits for {@code q}, best first. */
    static List<String> slugs(LoreIndex index, String q) {
        return index.search(new SearchRequest(q, 0, 10)).hits().stream()
                .map(SearchHit::slug)
                .toList();
    }
}
