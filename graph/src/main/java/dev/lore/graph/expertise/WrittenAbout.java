package dev.lore.graph.expertise;

import dev.lore.graph.Graph;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * Keeps {@code (:Person)-[:WROTE_ABOUT {share, articles, lastAt}]->(:Skill)} equal to the sum of a
 * person's line shares over the live articles about a skill, so expert queries read one
 * relationship per person and skill instead of walking every article about a popular skill.
 * Refreshed inside every write that changes contributions, shares or an article's skills.
 */
public final class WrittenAbout {
    private WrittenAbout() {}

    /**
     * Recomputes the pairs (contributor of one of {@code articleIds}, skill in {@code skillKeys} or
     * now attached to those articles). Pass the skills an article had before the write too, so
     * skills it lost are updated.
     */
    public static void refresh(TransactionContext tx, Collection<String> articleIds, Collection<String> skillKeys) {
        tx.run("""
                        UNWIND $ids AS aid
                        MATCH (a:Article {id: aid})<-[:CONTRIBUTED]-(p:Person)
                        WITH p, [(a)-[:ABOUT]->(s:Skill) | s.key] + $keys AS keys
                        UNWIND keys AS k
                        WITH DISTINCT p, k
                        MATCH (s:Skill {key: k})
                        CALL (p, s) {
                          OPTIONAL MATCH (p)-[c:CONTRIBUTED]->(x:Article {status: 'active'})-[:ABOUT]->(s)
                          WITH p, s, sum(coalesce(c.share, 0.0)) AS share, count(x) AS n, max(c.lastAt) AS last
                          MERGE (p)-[w:WROTE_ABOUT]->(s)
                          SET w.share = share, w.articles = n, w.lastAt = last
                          WITH w, n WHERE n = 0
                          DELETE w
                        }
                        """, Map.of("ids", List.copyOf(articleIds), "keys", List.copyOf(skillKeys)))
                .consume();
    }

    /** The skill keys an article is about now. */
    public static List<String> skillKeys(TransactionContext tx, String articleId) {
        return tx.run("MATCH (:Article {id: $id})-[:ABOUT]->(s:Skill) RETURN s.key AS k", Map.of("id", articleId))
                .list(r -> r.get("k").asString());
    }

    /** Builds every pair from scratch, in batches of articles; for stores from before it existed. */
    public static void rebuild(Graph graph) {
        graph.write(tx -> tx.run("MATCH ()-[w:WROTE_ABOUT]->() DELETE w").consume());
        List<String> ids = graph.read(tx -> tx.run("MATCH (a:Article {status: 'active'}) RETURN a.id AS id")
                .list(r -> r.get("id").asString()));
        for (int i = 0; i < ids.size(); i += 500) {
            var batch = ids.subList(i, Math.min(ids.size(), i + 500));
            graph.write(tx -> {
                refresh(tx, batch, List.of());
                return null;
            });
        }
    }
}
