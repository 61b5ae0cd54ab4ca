package dev.lore.graph.article;

import dev.lore.graph.Graph;
import dev.lore.graph.expertise.Attribution;
import dev.lore.graph.internal.ChangeSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Keeps each revision's line authors ({@code Revision.lineAuthors}, one person id per line, "" for
 * blank lines) and each contributor's share of the current text ({@code CONTRIBUTED.share}) up to
 * date on every save. Stores written before attribution existed are replayed from their history.
 */
final class LineAuthors {
    /** How many older revisions a save looks through to give reverted lines back to their authors. */
    static final int REVERT_WINDOW = 10;

    private LineAuthors() {}

    /**
     * The line authors of revision {@code n} about to be saved on top of revision {@code n - 1}, and
     * the lines the save adds and removes.
     */
    static Attribution.Carried afterSave(TransactionContext tx, String id, int n, String markdown, String author) {
        var earlier = tx.run("""
                        MATCH (:Article {id: $id})-[:HAS_REVISION]->(r:Revision)
                        WHERE r.n < $n AND r.n >= $n - $window
                        RETURN r.markdown AS markdown, r.lineAuthors AS authors ORDER BY r.n DESC
                        """, Map.of("id", id, "n", n, "window", REVERT_WINDOW + 1))
                .list();
        if (earlier.isEmpty()) {
            return Attribution.carried(List.of(), List.of(), markdown, author, List.of());
        }
        if (earlier.stream().anyMatch(r -> r.get("authors").isNull())) {
            replay(tx, id);
            return afterSave(tx, id, n, markdown, author);
        }
        var attributed = new ArrayList<Attribution.Attributed>();
        for (var r : earlier) {
            attributed.add(new Attribution.Attributed(
                    Attribution.lines(r.get("markdown").asString()), strings(r.get("authors"))));
        }
        var previous = attributed.removeFirst();
        return Attribution.carried(previous.lines(), previous.authors(), markdown, author, attributed);
    }

    /** Sets every contributor's share of the article from the current revision's line authors. */
    static void setShares(TransactionContext tx, String id, List<String> lineAuthors) {
        tx.run("""
                        MATCH (p:Person)-[c:CONTRIBUTED]->(:Article {id: $id})
                        SET c.share = coalesce($shares[p.id], 0.0)
                        """, Map.of("id", id, "shares", Attribution.shares(lineAuthors))).consume();
    }

    /** Recomputes line authors of every revision of one article from its history, oldest first. */
    static void replay(TransactionContext tx, String id) {
        var revisions = tx.run("""
                        MATCH (:Article {id: $id})-[:HAS_REVISION]->(r:Revision)-[:BY]->(p:Person)
                        RETURN r.n AS n, r.markdown AS markdown, p.id AS author ORDER BY r.n
                        """, Map.of("id", id)).list();
        List<String> lines = List.of();
        List<String> authors = List.of();
        var earlier = new ArrayList<Attribution.Attributed>();
        for (var r : revisions) {
            String markdown = r.get("markdown").asString();
            List<String> next = Attribution.carry(
                    lines,
                    authors,
                    markdown,
                    r.get("author").asString(),
                    earlier.subList(0, Math.min(earlier.size(), REVERT_WINDOW)));
            if (!lines.isEmpty()) {
                earlier.addFirst(new Attribution.Attributed(lines, authors));
            }
            lines = Attribution.lines(markdown);
            authors = next;
            tx.run(
                            "MATCH (:Article {id: $id})-[:HAS_REVISION]->(r:Revision {n: $n}) SET r.lineAuthors = $authors",
                            Map.of("id", id, "n", r.get("n").asInt(), "authors", next))
                    .consume();
        }
        setShares(tx, id, authors);
        dev.lore.graph.expertise.WrittenAbout.refresh(tx, List.of(id), List.of());
    }

    /** Replays every article whose revisions predate attribution; returns how many were replayed. */
    static int backfill(Graph graph) {
        List<String> ids = graph.read(tx -> tx.run("""
                        MATCH (a:Article) WHERE EXISTS { (a)-[:HAS_REVISION]->(r:Revision) WHERE r.lineAuthors IS NULL }
                        RETURN a.id AS id
                        """).list(r -> r.get("id").asString()));
        for (String id : ids) {
            graph.write(tx -> {
                replay(tx, id);
                // the shares changed: the index, which keeps them with the article, applies it again
                tx.run("MATCH (a:Article {id: $id}) SET a.seq = $seq", Map.of("id", id, "seq", ChangeSequence.next(tx)))
                        .consume();
                return null;
            });
        }
        return ids.size();
    }

    private static List<String> strings(Value value) {
        return value.asList(Value::asString);
    }
}
