package dev.lore.graph.article;

import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import dev.lore.graph.expertise.Attribution;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.neo4j.driver.TransactionContext;

/**
 * Each person's whole-history contribution to an article, kept on {@code CONTRIBUTED} next to the
 * lasting share: non-blank lines added and removed over every revision they saved (a changed line
 * is one of each, as {@code git diff --numstat} counts), how many revisions, the first and the
 * last. Saves keep it up to date ({@link ArticleStore}, {@link HistoryBatch}); {@link #backfill}
 * computes it from the revisions for contributions saved before it was kept. Thread-safe.
 */
public final class ContributionHistory {
    /** Articles recomputed per transaction by {@link #backfill}. */
    static final int BACKFILL_BATCH = 50;

    private final Graph graph;

    public ContributionHistory(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /**
     * One person's contribution to one article over its whole history.
     *
     * @param added non-blank lines their revisions added, surviving or not
     * @param removed non-blank lines their revisions removed (anyone's)
     * @param share their part of the current text's non-blank lines, 0 to 1
     */
    public record Totals(
            String personId, int added, int removed, int revisions, double share, Instant firstAt, Instant lastAt) {}

    /** Everyone who saved a revision of article {@code id}, most lines added first. */
    public List<Totals> of(String id) {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person)-[c:CONTRIBUTED]->(:Article {id: $id})
                        RETURN p.id AS id, coalesce(c.added, 0) AS added, coalesce(c.removed, 0) AS removed,
                               c.edits AS edits, coalesce(c.share, 0.0) AS share, c.firstAt AS firstAt,
                               c.lastAt AS lastAt
                        ORDER BY added DESC, id
                        """, Map.of("id", id))
                .list(r -> new Totals(
                        r.get("id").asString(),
                        r.get("added").asInt(),
                        r.get("removed").asInt(),
                        r.get("edits").asInt(),
                        r.get("share").asDouble(),
                        instant(r.get("firstAt")),
                        instant(r.get("lastAt")))));
    }

    /**
     * Computes lines added and removed for every article with a contribution saved before they were
     * kept, from its revisions, oldest first; told {@code (done, total)} articles as it goes.
     * Running it again finds nothing to do. Returns how many articles it recomputed.
     */
    public int backfill(BiConsumer<Integer, Integer> progress) {
        List<String> ids = graph.read(tx -> tx.run("""
                        MATCH (a:Article) WHERE EXISTS { (:Person)-[c:CONTRIBUTED]->(a) WHERE c.added IS NULL }
                        RETURN a.id AS id ORDER BY id
                        """).list(r -> r.get("id").asString()));
        for (int from = 0; from < ids.size(); from += BACKFILL_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BACKFILL_BATCH));
            graph.write(tx -> {
                batch.forEach(id -> recompute(tx, id));
                // the index keeps the totals with each article: it applies these again
                tx.run(
                                "UNWIND $ids AS id MATCH (a:Article {id: id}) SET a.seq = $seq",
                                Map.of("ids", batch, "seq", ChangeSequence.next(tx)))
                        .consume();
                return null;
            });
            progress.accept(from + batch.size(), ids.size());
        }
        return ids.size();
    }

    /** Sets every contributor's lines added and removed from the article's revisions. */
    static void recompute(TransactionContext tx, String id) {
        var revisions = tx.run("""
                        MATCH (:Article {id: $id})-[:HAS_REVISION]->(r:Revision)-[:BY]->(p:Person)
                        RETURN r.markdown AS markdown, p.id AS author ORDER BY r.n
                        """, Map.of("id", id)).list();
        var totals = new HashMap<String, Attribution.Change>();
        String previous = "";
        for (var r : revisions) {
            String markdown = r.get("markdown").asString();
            totals.merge(r.get("author").asString(), Attribution.change(previous, markdown), Attribution.Change::plus);
            previous = markdown;
        }
        var rows = new ArrayList<Map<String, Object>>();
        totals.forEach((person, change) ->
                rows.add(Map.of("person", person, "added", change.added(), "removed", change.removed())));
        tx.run("""
                        MATCH (p:Person)-[c:CONTRIBUTED]->(:Article {id: $id})
                        SET c.added = 0, c.removed = 0
                        WITH count(*) AS reset
                        UNWIND $rows AS x
                        MATCH (:Person {id: x.person})-[c:CONTRIBUTED]->(:Article {id: $id})
                        SET c.added = x.added, c.removed = x.removed
                        """, Map.of("id", id, "rows", rows)).consume();
    }
}
