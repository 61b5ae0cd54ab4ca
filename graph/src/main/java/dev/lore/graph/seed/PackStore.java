package dev.lore.graph.seed;

import dev.lore.graph.Graph;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Picks articles for seed pack exports and the collection editor: all live ones, those about a
 * skill, or those whose title matches. Thread-safe.
 */
public final class PackStore {
    private final Graph graph;

    public PackStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** Every live article's slug, by title. */
    public List<String> allSlugs() {
        return graph.read(tx -> tx.run("""
                        MATCH (a:Article {status: 'active'})
                        RETURN a.slug AS slug ORDER BY toLower(a.title), a.slug
                        """).list(r -> r.get("slug").asString()));
    }

    /** A live article by slug and title. */
    public record Item(String slug, String title) {}

    /**
     * Live articles whose title contains {@code text} (ignoring case; every article when blank), by
     * title, at most {@code limit}. For pickers: the export page and the collection editor.
     */
    public List<Item> byTitle(String text, int limit) {
        return graph.read(tx -> tx.run(
                        """
                        MATCH (a:Article {status: 'active'})
                        WHERE $text = '' OR toLower(a.title) CONTAINS $text OR a.slug = $text
                        RETURN a.slug AS slug, a.title AS title ORDER BY toLower(a.title), a.slug LIMIT $limit
                        """, Map.of("text", text.strip().toLowerCase(java.util.Locale.ROOT), "limit", limit))
                .list(r -> new Item(r.get("slug").asString(), r.get("title").asString())));
    }

    /** The live articles about the skill with {@code skillKey} (as {@code SkillNames.key}), by title. */
    public List<String> slugsAbout(String skillKey) {
        return graph.read(tx ->
                tx.run("""
                        MATCH (a:Article {status: 'active'})-[:ABOUT]->(:Skill {key: $key})
                        RETURN a.slug AS slug ORDER BY toLower(a.title), a.slug
                        """, Map.of("key", skillKey)).list(r -> r.get("slug").asString()));
    }
}
