package dev.lore.graph;

import org.neo4j.driver.TransactionContext;

/**
 * A number stored in the graph that moves with every change a server may have remembered something
 * about: the change sequence (articles, people, skills, endorsements, availability, questions,
 * files) plus a counter of revoked sessions and tokens. Every Lore server sharing the database
 * reads the same number, so a cache that keeps what it read with the version it read at sees a
 * write of any other server on its next read, without waiting for a time-out.
 */
public final class GraphVersion {
    /** The statement that reads the version as {@code graphVersion}; also a part of larger reads. */
    public static final String VERSION_QUERY =
            "MATCH (c:Counter) WHERE c.name IN ['change', 'sessions'] RETURN coalesce(sum(c.value), 0) AS graphVersion";

    private GraphVersion() {}

    /**
     * The version now: one small read, joining this thread's open transaction if any. Inside a
     * read-only {@link Graph#inOneReadTransaction} (a page view) it is read once, at the first
     * call, and that number answers every later call in the same transaction: whatever is read
     * after it is at least as new, so what a cache keeps with it can be too new, never too old.
     */
    public static long read(Graph graph) {
        return graph.versionOnce(() -> graph.read(
                tx -> tx.run(VERSION_QUERY).single().get("graphVersion").asLong()));
    }

    /** Moves the version in {@code tx}: for sessions and tokens revoked, which the change sequence does not number. */
    public static void sessionsChanged(TransactionContext tx) {
        tx.run("MERGE (c:Counter {name: 'sessions'}) ON CREATE SET c.value = 1 ON MATCH SET c.value = c.value + 1")
                .consume();
    }
}
