package dev.lore.graph.expertise;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which live articles signed-in people read, so Lore can tell what they are learning and what is
 * popular. Thread-safe.
 */
public final class ReadStore {
    private final Graph graph;

    ReadStore(Graph graph) {
        this.graph = graph;
    }

    /** Records that a signed-in person opened the live article at {@code slug}. */
    public void recordRead(String personId, String slug, Instant at) {
        graph.write(tx -> tx.run("""
                        MATCH (p:Person {id: $person}), (a:Article {slug: $slug, status: 'active'})
                        MERGE (p)-[r:READ]->(a) ON CREATE SET r.count = 0, r.firstAt = $at
                        SET r.count = r.count + 1, r.lastAt = $at
                        """, Map.of("person", personId, "slug", slug, "at", datetime(at)))
                .consume());
    }

    /** A live article and how many different people read it in a period. */
    public record Popular(String slug, String title, int readers) {}

    /**
     * The live articles read by the most different signed-in people since {@code since} (a
     * person's reads count once; ties go to the most recently updated page).
     */
    public List<Popular> popular(Instant since, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (:Person)-[r:READ]->(a:Article {status: 'active'})
                        WHERE r.lastAt >= $since
                        WITH a, count(r) AS readers
                        RETURN a.slug AS slug, a.title AS title, readers
                        ORDER BY readers DESC, a.updatedAt DESC LIMIT $limit
                        """, Map.of("since", datetime(since), "limit", limit))
                .list(r -> new Popular(
                        r.get("slug").asString(),
                        r.get("title").asString(),
                        r.get("readers").asInt())));
    }
}
