package dev.lore.graph.internal;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * The change sequence: one counter node that every write transaction increments first. The write
 * lock on it is held until commit, so sequence numbers are handed out in commit order and the index
 * can catch up from "the last number it applied" without missing a change.
 */
public final class ChangeSequence {
    private ChangeSequence() {}

    /** Takes the next number; call it before reading anything the write depends on. */
    public static long next(TransactionContext tx) {
        return tx.run("MATCH (c:Counter {name: 'change'}) SET c.value = c.value + 1 RETURN c.value AS seq")
                .single()
                .get("seq")
                .asLong();
    }

    /**
     * The keys of nodes with {@code label} whose {@code seq} is past {@code since}, in sequence
     * order: about {@code limit}, and always every node of the last sequence number reached, so a
     * caller that goes on from that number misses none (bulk writes give hundreds of nodes one
     * number). Callers load the nodes in a second query: selecting by the seq index and projecting
     * more in one query trips a Neo4j 2026.08 planner check ("a.seq should not appear non-cached").
     * {@code label} and {@code keyProperty} are code constants, never input.
     */
    public static List<String> keysChangedSince(
            TransactionContext tx, String label, String keyProperty, long since, int limit) {
        return tx.run(
                        "MATCH (n:" + label + ") WHERE n.seq > $since WITH n.seq AS seq ORDER BY seq LIMIT $limit"
                                + " WITH max(seq) AS upTo"
                                + " MATCH (n:" + label + ") WHERE n.seq > $since AND n.seq <= upTo"
                                + " RETURN n." + keyProperty + " AS key ORDER BY n.seq",
                        Map.of("since", since, "limit", limit))
                .list(r -> r.get("key").asString());
    }

    public static long current(TransactionContext tx) {
        var result = tx.run("MATCH (c:Counter {name: 'change'}) RETURN c.value AS seq")
                .list();
        return result.isEmpty() ? 0 : result.getFirst().get("seq").asLong();
    }
}
