package dev.lore.indexer;

import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;

/**
 * Lore's analysis and query parsing, for plain Lucene code that must do the same work as Lore's
 * search (the benchmarks' yardsticks): the per-field analyzers documents are indexed with, and the
 * ranking query a search's text becomes (without its filters, facet selections or fuzzy retry).
 * Stateless; the analyzer it returns is thread-safe.
 */
public final class PlainLucene {
    private PlainLucene() {}

    /** A new per-field analyzer, as Lore's index uses. */
    public static Analyzer analyzer() {
        return Analyzers.perField();
    }

    /** The ranking query Lore runs for {@code text}; empty when nothing in it is searchable. */
    public static Optional<Query> query(Analyzer analyzer, String text) {
        return Optional.ofNullable(new QueryFactory(analyzer).text(UserQuery.parse(text), false));
    }
}
