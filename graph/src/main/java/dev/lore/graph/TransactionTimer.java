package dev.lore.graph;

/**
 * Told how long each transaction of a {@link Graph} took, for metrics. Calls come from every thread
 * that uses the graph, so an implementation must be thread-safe, fast, and never throw.
 */
@FunctionalInterface
public interface TransactionTimer {
    /** Records nothing. */
    TransactionTimer NONE = (kind, nanos, failed) -> {};

    /** What kind of transaction: one read, one write, or many store calls in one. */
    enum Kind {
        READ,
        WRITE,
        BATCH,
        BATCH_READ
    }

    /**
     * @param nanos from asking for a session to the commit (retries included)
     * @param failed whether it ended with an exception
     */
    void record(Kind kind, long nanos, boolean failed);
}
