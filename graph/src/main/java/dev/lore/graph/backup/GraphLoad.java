package dev.lore.graph.backup;

import dev.lore.graph.Graph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recreates nodes and relationships read by {@link GraphDump} in another (empty) graph, in
 * batches: one transaction per call. Nodes must all be loaded before the relationships that join
 * them. Keeps the backup id to element id map in memory (one entry per node). Not thread-safe.
 */
public final class GraphLoad {
    private static final String CREATE_NODES = "UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props"
            + " RETURN row.id AS id, elementId(n) AS elementId";
    private static final String CREATE_UNLABELLED_NODES =
            "UNWIND $rows AS row CREATE (n) SET n = row.props RETURN row.id AS id, elementId(n) AS elementId";
    private static final String CREATE_RELATIONSHIPS = "UNWIND $rows AS row"
            + " MATCH (a) WHERE elementId(a) = row.from"
            + " MATCH (b) WHERE elementId(b) = row.to"
            + " CREATE (a)-[r:$(row.type)]->(b) SET r = row.props RETURN count(r) AS n";
    private static final String COUNT =
            "MATCH (n) WITH count(n) AS nodes" + " OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships";

    private final Graph graph;
    private final Map<Long, String> elementIds = new HashMap<>();

    public GraphLoad(Graph graph) {
        this.graph = graph;
    }

    /** How many nodes and relationships the graph holds. */
    public static GraphDump.Counts count(Graph graph) {
        return graph.read(tx -> {
            var r = tx.run(COUNT).single();
            return new GraphDump.Counts(
                    0, r.get("nodes").asLong(), r.get("relationships").asLong());
        });
    }

    /** Deletes every node and relationship, in transactions of 10,000 nodes. */
    public static void deleteEverything(Graph graph) {
        long deleted;
        do {
            deleted = graph.write(tx -> tx.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n")
                    .single()
                    .get("n")
                    .asLong());
        } while (deleted > 0);
    }

    public void nodes(List<NodeRecord> batch) {
        var labelled = new ArrayList<Map<String, Object>>();
        var unlabelled = new ArrayList<Map<String, Object>>();
        for (NodeRecord n : batch) {
            if (elementIds.containsKey(n.id())) {
                throw new IllegalArgumentException("node " + n.id() + " appears twice");
            }
            (n.labels().isEmpty() ? unlabelled : labelled)
                    .add(Map.of("id", n.id(), "labels", n.labels(), "props", parameters(n.properties())));
        }
        Map<Long, String> created = graph.write(tx -> {
            var ids = new HashMap<Long, String>();
            for (var pair :
                    List.of(Map.entry(CREATE_NODES, labelled), Map.entry(CREATE_UNLABELLED_NODES, unlabelled))) {
                if (!pair.getValue().isEmpty()) {
                    tx.run(pair.getKey(), Map.of("rows", pair.getValue()))
                            .forEachRemaining(r -> ids.put(
                                    r.get("id").asLong(), r.get("elementId").asString()));
                }
            }
            return ids;
        });
        elementIds.putAll(created);
    }

    public void relationships(List<RelationshipRecord> batch) {
        var rows = new ArrayList<Map<String, Object>>(batch.size());
        for (RelationshipRecord r : batch) {
            rows.add(Map.of(
                    "from", elementId(r.from()),
                    "to", elementId(r.to()),
                    "type", r.type(),
                    "props", parameters(r.properties())));
        }
        long created = graph.write(tx -> tx.run(CREATE_RELATIONSHIPS, Map.of("rows", rows))
                .single()
                .get("n")
                .asLong());
        if (created != rows.size()) {
            throw new IllegalStateException("created " + created + " of " + rows.size() + " relationships");
        }
    }

    private String elementId(long backupId) {
        String id = elementIds.get(backupId);
        if (id == null) {
            throw new IllegalArgumentException(
                    "a relationship names node " + backupId + ", which the backup does not hold");
        }
        return id;
    }

    private static Map<String, Object> parameters(Map<String, Object> properties) {
        var out = new HashMap<String, Object>();
        properties.forEach((k, v) -> out.put(k, PropertyValues.parameter(v)));
        return out;
    }
}
