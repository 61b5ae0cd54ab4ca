package dev.lore.graph.article;

import static dev.lore.graph.article.ArticleRows.ARTICLE_COLUMNS;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.strings;

import dev.lore.graph.GraphVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * What an article's page shows from the graph, read in one statement: the article, its
 * contributors (most of the current text first), the live pages linking to it, and the graph's
 * version ({@link GraphVersion}) at the read, which tells a cache of the page's rendered body
 * whether anything it was rendered from may have changed since.
 */
public record PageRead(
        Article article, List<Contributor> contributors, List<ArticleSummary> backlinks, long graphVersion) {

    /** The statuses a reader sees; with hidden pages, also those a champion sees. */
    static List<String> statuses(boolean includeHidden) {
        return includeHidden ? List.of("active", "hidden", "review") : List.of("active");
    }

    private static final String PARTS = """
            CALL (a) {
              OPTIONAL MATCH (p:Person)-[c:CONTRIBUTED]->(a)
              WITH p, c ORDER BY coalesce(c.share, 0.0) DESC, c.edits DESC, c.lastAt DESC, p.id
              RETURN collect(CASE WHEN p IS NULL THEN NULL ELSE {id: p.id, name: p.name, edits: c.edits,
                  share: coalesce(c.share, 0.0), firstAt: c.firstAt, lastAt: c.lastAt} END) AS pageContributors
            }
            CALL (a) {
              OPTIONAL MATCH (b:Article {status: 'active'})-[:LINKS_TO]->(a)
              WITH b ORDER BY b.title
              RETURN collect(CASE WHEN b IS NULL THEN NULL ELSE {slug: b.slug, title: b.title, tags: b.tags,
                  revision: b.revision, updatedAt: b.updatedAt} END) AS pageBacklinks
            }
            CALL () {
            """ + GraphVersion.VERSION_QUERY + """
            }
            RETURN pageContributors, pageBacklinks, graphVersion AS pageGraphVersion,
            """ + ARTICLE_COLUMNS;

    /** The page of the article at {@code slug} with one of {@code statuses}, if there is one. */
    static Optional<PageRead> bySlug(TransactionContext tx, String slug, List<String> statuses) {
        return tx
                .run(
                        "MATCH (a:Article {slug: $slug}) WHERE a.status IN $statuses WITH a LIMIT 1\n" + PARTS,
                        Map.of("slug", slug, "statuses", statuses))
                .list()
                .stream()
                .findFirst()
                .map(PageRead::of);
    }

    private static PageRead of(Record r) {
        return new PageRead(
                ArticleRows.toArticle(r),
                r.get("pageContributors").asList(PageRead::contributor),
                r.get("pageBacklinks").asList(PageRead::backlink),
                r.get("pageGraphVersion").asLong());
    }

    private static Contributor contributor(Value v) {
        return new Contributor(
                v.get("id").asString(),
                v.get("name").asString(),
                v.get("edits").asInt(),
                v.get("share").asDouble(),
                instant(v.get("firstAt")),
                instant(v.get("lastAt")));
    }

    private static ArticleSummary backlink(Value v) {
        return new ArticleSummary(
                v.get("slug").asString(),
                v.get("title").asString(),
                strings(v.get("tags")),
                v.get("revision").asInt(),
                instant(v.get("updatedAt")));
    }
}
