package dev.lore.server.support;

import dev.lore.graph.Graph;
import dev.lore.server.Lore;
import dev.lore.server.seed.MarkdownImport;
import dev.lore.server.seed.Progress;
import dev.lore.server.seed.SeedPack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * The bundled seed pack, loaded for real once per test JVM and kept as a copy of the graph it left
 * (every node and relationship with its labels, type and properties). Later tests get that graph
 * back in about a second instead of importing the pack again, and an index rebuilt from it.
 * Loading the pack itself is tested where it is loaded for real (the first time, and every second
 * load that checks that loading again changes nothing).
 */
final class SeededStore {
    private record Snapshot(List<Map<String, Object>> nodes, List<Map<String, Object>> relationships) {}

    private static Snapshot snapshot;
    private static MarkdownImport.Result result;

    private SeededStore() {}

    /**
     * Replaces the graph with the test accounts plus the bundled seed pack (what the test made
     * before is gone, its sign-in tokens too) and brings the index up to it.
     */
    static synchronized MarkdownImport.Result seed(TestLore.Running lore) {
        Graph graph = lore.lore().graph();
        if (snapshot == null) {
            lore.lore().sync().resetWith(() -> TestLore.wipe(graph));
            TestLore.accounts(lore);
            result = SeedPack.load(lore.lore().importer(), Lore.ADMIN_ID, Progress.NONE);
            lore.settle();
            snapshot = capture(graph);
        } else {
            lore.lore().sync().resetWith(() -> restore(graph, snapshot));
            lore.lore().sync().catchUp();
        }
        return result;
    }

    private static Snapshot capture(Graph graph) {
        return graph.read(tx -> new Snapshot(
                tx.run("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props")
                        .list(r -> Map.of(
                                "id", r.get("id").asString(),
                                "labels", r.get("labels").asList(Value::asString),
                                "props", r.get("props").asMap())),
                tx.run("""
                                MATCH (a)-[r]->(b)
                                RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type,
                                       properties(r) AS props
                                """)
                        .list(r -> Map.of(
                                "start", r.get("start").asString(),
                                "end", r.get("end").asString(),
                                "type", r.get("type").asString(),
                                "props", r.get("props").asMap()))));
    }

    private static void restore(Graph graph, Snapshot s) {
        long before = graph.write(tx -> {
            long version = TestLore.version(tx);
            tx.run("MATCH (n) DETACH DELETE n").consume();
            return version;
        });
        graph.write(tx -> {
            var ids = new HashMap<String, String>();
            tx.run("""
                            UNWIND $nodes AS n
                            CALL (n) {
                              CREATE (x:$(n.labels))
                              SET x = n.props
                              RETURN elementId(x) AS id
                            }
                            RETURN n.id AS old, id
                            """, Map.of("nodes", s.nodes()))
                    .list()
                    .forEach(r -> ids.put(r.get("old").asString(), r.get("id").asString()));
            var relationships = s.relationships().stream()
                    .map(r -> Map.of(
                            "start", ids.get((String) r.get("start")),
                            "end", ids.get((String) r.get("end")),
                            "type", r.get("type"),
                            "props", r.get("props")))
                    .toList();
            tx.run("""
                            UNWIND $relationships AS r
                            MATCH (a) WHERE elementId(a) = r.start
                            MATCH (b) WHERE elementId(b) = r.end
                            CALL (a, b, r) {
                              CREATE (a)-[x:$(r.type)]->(b)
                              SET x = r.props
                            }
                            """, Map.of("relationships", relationships)).consume();
            TestLore.versionAbove(tx, before);
            return null;
        });
    }
}
