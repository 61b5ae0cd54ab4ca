package dev.lore.graph.internal;

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

    public static long current(TransactionContext tx) {
        var result = tx.run("MATCH (c:Counter {name: 'change'}) RETURN c.value AS seq")
                .list();
        return result.isEmpty() ? 0 : result.getFirst().get("seq").asLong();
    }
}
