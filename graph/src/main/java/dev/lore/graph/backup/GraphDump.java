package dev.lore.graph.backup;

import dev.lore.graph.Graph;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * Reads every node and relationship of the graph, with all labels, types and properties, as one
 * consistent snapshot.
 *
 * <p>Consistency: Neo4j Community reads at read-committed, so a long read alone could see a write
 * that commits half-way through it (a relationship whose node it read before that node existed).
 * The dump therefore runs in {@link Graph#exclusively}: no write through this server is in flight
 * while it reads, and its transaction first takes the write lock of the change counter, which
 * every sequenced write of any server sharing the database takes first, so those wait too. What it
 * reads is the graph as of one change sequence number. Writes wait for the dump's duration (reads
 * go on); the dump only reads and hands records to a {@link Sink}, which should be fast (write to a
 * local file, not to a slow network peer).
 *
 * <p>Node ids in the records are dense numbers assigned in reading order; element ids never leave
 * the store they belong to.
 */
public final class GraphDump {
    /** Takes the counter's write lock (until the transaction ends) without changing it, and reads it. */
    private static final String LOCK_COUNTER = "OPTIONAL MATCH (c:Counter {name: 'change'})"
            + " SET c.backupLock = true REMOVE c.backupLock RETURN c.value AS seq";

    private static final String COUNT_NODES = "MATCH (n) RETURN count(n) AS n";
    private static final String COUNT_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS n";
    private static final String NODES =
            "MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props";
    private static final String RELATIONSHIPS = "MATCH (a)-[r]->(b)"
            + " RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS props";

    private GraphDump() {}

    /** Receives the snapshot: first its size, then every node, then every relationship. */
    public interface Sink {
        void start(long changeSeq, long nodes, long relationships);

        void node(NodeRecord node);

        void relationship(RelationshipRecord relationship);
    }

    /** What a dump read. */
    public record Counts(long changeSeq, long nodes, long relationships) {}

    public static Counts dump(Graph graph, Sink sink) {
        return graph.exclusively(tx -> dump(tx, sink));
    }

    private static Counts dump(SimpleQueryRunner tx, Sink sink) {
        Value seqValue = tx.run(LOCK_COUNTER).single().get("seq");
        long seq = seqValue.isNull() ? 0 : seqValue.asLong();
        long nodeCount = tx.run(COUNT_NODES).single().get("n").asLong();
        long relationshipCount = tx.run(COUNT_RELATIONSHIPS).single().get("n").asLong();
        sink.start(seq, nodeCount, relationshipCount);
        var ids = new HashMap<String, Long>((int) Math.min(Integer.MAX_VALUE, nodeCount * 4 / 3 + 16));
        long nodes = 0;
        var result = tx.run(NODES);
        while (result.hasNext()) {
            Record r = result.next();
            long id = nodes++;
            ids.put(r.get("id").asString(), id);
            sink.node(new NodeRecord(id, r.get("labels").asList(Value::asString), properties(r.get("props"))));
        }
        long relationships = 0;
        result = tx.run(RELATIONSHIPS);
        while (result.hasNext()) {
            Record r = result.next();
            sink.relationship(new RelationshipRecord(
                    idOf(ids, r.get("from").asString()),
                    idOf(ids, r.get("to").asString()),
                    r.get("type").asString(),
                    properties(r.get("props"))));
            relationships++;
        }
        if (nodes != nodeCount || relationships != relationshipCount) {
            throw new IllegalStateException("the graph changed during the dump: expected " + nodeCount + " nodes and "
                    + relationshipCount + " relationships, read " + nodes + " and " + relationships);
        }
        return new Counts(seq, nodes, relationships);
    }

    private static long idOf(Map<String, Long> ids, String elementId) {
        Long id = ids.get(elementId);
        if (id == null) {
            throw new IllegalStateException("a relationship ends at a node the dump did not read: " + elementId);
        }
        return id;
    }

    private static Map<String, Object> properties(Value map) {
        var out = new LinkedHashMap<String, Object>();
        for (String key : map.keys()) {
            out.put(key, PropertyValues.plain(map.get(key)));
        }
        return out;
    }
}
