package dev.lore.indexer;

/**
 * How {@link LoreIndex#search(SearchRequest, Ranking)} orders what it finds. Whatever the ranking,
 * quoted phrases, excluded words and filters hold for every hit.
 */
public enum Ranking {
    /** BM25 over the words, as without a model. */
    LEXICAL,
    /** Only the passages nearest in meaning (for measurement). */
    SEMANTIC,
    /** Both lists fused by reciprocal rank (k = 60). */
    HYBRID_RRF,
    /** Both lists fused by a blend of their min-max normalized scores. */
    HYBRID_BLEND
}
