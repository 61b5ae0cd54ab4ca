package dev.lore.graph;

import java.util.HashSet;
import java.util.Set;

/**
 * What a start needs to know about a store before applying the schema: the names of the
 * constraints and indexes it has, and whether its change counter exists. Read through Cypher
 * ({@link #read}) or, for the embedded database, through Neo4j's own API ({@link
 * EmbeddedNeo4j#shape}), which compiles no query: on a restart, the first Cypher a JVM plans is
 * among the slowest things it does.
 */
public record StoreShape(Set<String> schemaNames, boolean counterExists) {
    public StoreShape {
        schemaNames = Set.copyOf(schemaNames);
    }

    /** Through Cypher, as any Neo4j (a server or cluster) answers it. */
    public static StoreShape read(Graph graph) {
        return graph.read(tx -> {
            var names = new HashSet<String>();
            tx.run("SHOW CONSTRAINTS YIELD name")
                    .forEachRemaining(r -> names.add(r.get("name").asString()));
            tx.run("SHOW INDEXES YIELD name")
                    .forEachRemaining(r -> names.add(r.get("name").asString()));
            boolean counter = tx.run("MATCH (c:Counter {name: 'change'}) RETURN count(c) > 0 AS found")
                    .single()
                    .get("found")
                    .asBoolean();
            return new StoreShape(names, counter);
        });
    }
}
