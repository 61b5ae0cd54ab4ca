package dev.lore.graph.learning;

import dev.lore.graph.Graph;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which collections matter to one person, for the home page: a collection about a skill they have
 * or want to learn, or one a colleague of their team built or whose pages their team owns. Read
 * as ids with a weight (2 for a skill, 1 for the team, added); the caller orders by it. Thread-safe.
 */
public final class CollectionsFor {
    private final Graph graph;

    public CollectionsFor(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** A collection that matters to the person, and how much. */
    public record Relevant(String id, int weight) {}

    public List<Relevant> of(String personId) {
        return graph.read(tx -> tx.run("""
                        MATCH (me:Person {id: $person}), (c:Collection)
                        WITH me, c,
                             CASE WHEN c.skillKey IS NOT NULL
                                   AND EXISTS { (me)-[:HAS_SKILL|WANTS_TO_LEARN]->(:Skill {key: c.skillKey}) }
                                  THEN 2 ELSE 0 END AS skill,
                             CASE WHEN coalesce(me.team, '') <> '' AND (
                                       EXISTS { MATCH (b:Person {id: c.createdBy}) WHERE b.team = me.team }
                                    OR EXISTS { MATCH (c)-[:FEATURES]->(a:Article {status: 'active'}), (o:Person {id: a.owner})
                                                WHERE o.team = me.team })
                                  THEN 1 ELSE 0 END AS team
                        WITH c, skill + team AS weight WHERE weight > 0
                        RETURN c.id AS id, weight
                        """, Map.of("person", personId))
                .list(r -> new Relevant(r.get("id").asString(), r.get("weight").asInt())));
    }
}
