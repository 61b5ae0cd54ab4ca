package dev.lore.graph.article;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * Wiki links between articles. Each link key an article's body names is a {@code LinkKey} node the
 * article {@code MENTIONS}, resolved or not, so a page can find who mentions it without scanning
 * every article; a key that names a live article (by slug, by title key or through a redirect)
 * also gives a {@code LINKS_TO}. Used inside {@link ArticleStore}'s transactions.
 */
final class WikiLinks {
    /**
     * For each {@code key} in scope, every article {@code t} it names with the {@code rank} of the
     * way it names it: 0 by slug, 1 by title key, 2 through a redirect. Any status: callers filter.
     */
    private static final String TARGETS = """
            CALL (key) {
              MATCH (t:Article {slug: key}) RETURN t, 0 AS rank
              UNION
              MATCH (t:Article {titleKey: key}) RETURN t, 1 AS rank
              UNION
              MATCH (:Redirect {slug: key})-[:TO]->(t:Article) RETURN t, 2 AS rank
            }
            """;

    private WikiLinks() {}

    /** The links of one saved article, for {@link #link}. */
    static Map<String, Object> row(String id, ArticleWrite write) {
        return Map.of("id", id, "links", write.linkKeys(), "titleKey", write.titleKey());
    }

    /**
     * Records the keys each article in {@code rows} mentions and links it to the live articles they
     * name; then links the pages that mentioned its slug or title key before (a new page, or one
     * under a new name) to it. Its old links must be gone already. A row holds at least the
     * article's {@code id}, its link keys as {@code links} and its {@code titleKey}, as {@link #row}
     * makes; one statement per step serves a whole batch.
     */
    static void link(TransactionContext tx, List<Map<String, Object>> rows) {
        var params = Map.<String, Object>of("rows", rows);
        // every key is a node, so a page finds who mentions it without scanning all articles
        tx.run("""
                        UNWIND $rows AS row
                        MATCH (a:Article {id: row.id})
                        UNWIND row.links AS key
                        MERGE (k:LinkKey {key: key})
                        MERGE (a)-[:MENTIONS]->(k)
                        """, params).consume();
        tx.run("""
                        UNWIND $rows AS row
                        MATCH (a:Article {id: row.id})
                        UNWIND row.links AS key
                        """ + TARGETS + """
                        WITH DISTINCT a, t WHERE t.status = 'active' AND t <> a
                        MERGE (a)-[:LINKS_TO]->(t)
                        """, params).consume();
        // pages that linked to this one before it existed (or under its new name) now resolve
        tx.run("""
                        UNWIND $rows AS row
                        MATCH (a:Article {id: row.id})
                        UNWIND [a.slug, row.titleKey] AS key
                        MATCH (:LinkKey {key: key})<-[:MENTIONS]-(b:Article {status: 'active'})
                        WHERE b <> a
                        MERGE (b)-[:LINKS_TO]->(a)
                        """, params).consume();
    }

    /** See {@link ArticleStore#resolveLinks}. */
    static Map<String, String> resolve(TransactionContext tx, List<String> keys) {
        var resolved = new HashMap<String, String>();
        tx.run("""
                        UNWIND $keys AS key
                        """ + TARGETS + """
                        WITH key, t, rank WHERE t.status = 'active'
                        WITH key, t ORDER BY rank
                        RETURN key, head(collect(t.slug)) AS slug
                        """, Map.of("keys", keys))
                .list()
                .forEach(
                        r -> resolved.put(r.get("key").asString(), r.get("slug").asString()));
        return resolved;
    }

    /** Live articles that link to article {@code id}, by title. */
    static List<ArticleSummary> backlinks(TransactionContext tx, String id) {
        return tx.run("""
                        MATCH (b:Article {status: 'active'})-[:LINKS_TO]->(:Article {id: $id})
                        RETURN b.slug AS slug, b.title AS title, b.tags AS tags, b.revision AS revision,
                               b.updatedAt AS updatedAt
                        ORDER BY b.title
                        """, Map.of("id", id)).list(ArticleRows::toSummary);
    }
}
