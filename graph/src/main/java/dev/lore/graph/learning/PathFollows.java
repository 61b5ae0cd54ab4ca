package dev.lore.graph.learning;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Following a path without marking a step: {@code (:Person)-[:FOLLOWS {since}]->(:Path)}, the same
 * relationship marking a step done creates ({@link PathStore#markDone}). Unfollowing keeps the
 * steps done and their reflections. Thread-safe.
 */
public final class PathFollows {
    private final Graph graph;

    public PathFollows(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** {@code personId} follows the path from {@code at} (a second follow keeps the first date). */
    public void follow(String pathId, String personId, Instant at) {
        graph.write(tx -> {
            long n = tx.run("""
                            MATCH (p:Path {id: $path}), (me:Person {id: $person})
                            MERGE (me)-[f:FOLLOWS]->(p) ON CREATE SET f.since = $at
                            RETURN count(f) AS n
                            """, Map.of("path", pathId, "person", personId, "at", datetime(at)))
                    .single()
                    .get("n")
                    .asLong();
            if (n == 0) {
                throw new NoSuchEntityException("path", pathId);
            }
            return null;
        });
    }

    /** {@code personId} stops following the path; what they did on it stays. */
    public void unfollow(String pathId, String personId) {
        graph.write(
                tx -> tx.run("""
                        MATCH (:Person {id: $person})-[f:FOLLOWS]->(:Path {id: $path})
                        DELETE f
                        """, Map.of("path", pathId, "person", personId)).consume());
    }

    public boolean following(String pathId, String personId) {
        return graph.read(tx -> tx.run("""
                        RETURN EXISTS { (:Person {id: $person})-[:FOLLOWS]->(:Path {id: $path}) } AS f
                        """, Map.of("path", pathId, "person", personId))
                .single()
                .get("f")
                .asBoolean());
    }
}
