package dev.lore.graph.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.TransactionContext;

/**
 * An article's slug, its URL key: a new or renamed article takes the first free one of base,
 * base-2, base-3, ...; a rename leaves the old slug behind as a {@code Redirect} to the article, so
 * old links keep working. Used inside {@link ArticleStore}'s transactions.
 */
final class Slugs {
    private Slugs() {}

    /** The id of the live article with this slug, or that a redirect with this slug points to. */
    static Optional<String> resolveId(TransactionContext tx, String slugOrRedirect) {
        var id = tx.run("""
                        OPTIONAL MATCH (a:Article {slug: $slug, status: 'active'})
                        OPTIONAL MATCH (:Redirect {slug: $slug})-[:TO]->(b:Article {status: 'active'})
                        RETURN coalesce(a.id, b.id) AS id
                        """, Map.of("slug", slugOrRedirect)).single().get("id");
        return id.isNull() ? Optional.empty() : Optional.of(id.asString());
    }

    /** Where an old slug now points, if it is a redirect to a live article. */
    static Optional<String> redirectTarget(TransactionContext tx, String slug) {
        return tx
                .run(
                        "MATCH (:Redirect {slug: $slug})-[:TO]->(a:Article {status: 'active'}) RETURN a.slug AS slug",
                        Map.of("slug", slug))
                .list()
                .stream()
                .findFirst()
                .map(r -> r.get("slug").asString());
    }

    /**
     * For each base, the first of base, base-2, base-3, ... that no article or redirect uses and no
     * earlier base in the list took: one query for the whole batch.
     */
    static List<String> freeSlugs(TransactionContext tx, List<String> bases) {
        var taken = new HashSet<String>(takenSlugs(tx, new ArrayList<>(new LinkedHashSet<>(bases))));
        var out = new ArrayList<String>(bases.size());
        for (String base : bases) {
            String slug = base;
            for (int n = 2; taken.contains(slug); n++) {
                slug = base + "-" + n;
            }
            taken.add(slug);
            out.add(slug);
        }
        return out;
    }

    /** The slugs of articles and redirects that are one of {@code bases} or start with one and '-'. */
    static List<String> takenSlugs(TransactionContext tx, List<String> bases) {
        return tx.run("""
                        UNWIND $bases AS b
                        CALL (b) {
                          MATCH (a:Article) WHERE a.slug = b OR a.slug STARTS WITH b + '-' RETURN a.slug AS slug
                          UNION
                          MATCH (r:Redirect) WHERE r.slug = b OR r.slug STARTS WITH b + '-' RETURN r.slug AS slug
                        }
                        RETURN DISTINCT slug
                        """, Map.of("bases", bases)).list(r -> r.get("slug").asString());
    }

    /** The first of base, base-2, base-3, ... not used by another article or a redirect to another. */
    static String freeSlug(TransactionContext tx, String base, String ownId) {
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            boolean taken =
                    tx.run("""
                            OPTIONAL MATCH (a:Article {slug: $slug}) WHERE $own IS NULL OR a.id <> $own
                            OPTIONAL MATCH (:Redirect {slug: $slug})-[:TO]->(b:Article) WHERE $own IS NULL OR b.id <> $own
                            RETURN a IS NOT NULL OR b IS NOT NULL AS taken
                            """, params(candidate, ownId)).single().get("taken").asBoolean();
            if (!taken) {
                return candidate;
            }
        }
    }

    private static Map<String, Object> params(String slug, String ownId) {
        var params = new HashMap<String, Object>();
        params.put("slug", slug);
        params.put("own", ownId); // null for a new article
        return params;
    }

    /**
     * Leaves {@code oldSlug} as a redirect to article {@code id}, which moves to {@code newSlug}; a
     * redirect that held {@code newSlug} (the article moving back to an old name) goes.
     */
    static void redirect(TransactionContext tx, String id, String oldSlug, String newSlug) {
        tx.run("""
                        MATCH (a:Article {id: $id})
                        OPTIONAL MATCH (back:Redirect {slug: $slug})
                        DETACH DELETE back
                        MERGE (r:Redirect {slug: $old})
                        WITH a, r
                        OPTIONAL MATCH (r)-[old:TO]->()
                        DELETE old
                        CREATE (r)-[:TO]->(a)
                        """, Map.of("id", id, "slug", newSlug, "old", oldSlug)).consume();
    }
}
