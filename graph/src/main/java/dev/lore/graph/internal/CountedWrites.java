package dev.lore.graph.internal;

import dev.lore.graph.Graph;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.TransactionContext;

/**
 * A store's writes, counted: the count moves after every write (committed or not), so callers can
 * cache what they read from the store until it moves. Thread-safe.
 */
public final class CountedWrites {
    private final Graph graph;
    private final AtomicLong count = new AtomicLong();

    public CountedWrites(Graph graph) {
        this.graph = graph;
    }

    /** Runs {@link Graph#write}, then moves the count. */
    public <T> T write(Function<TransactionContext, T> work) {
        try {
            return graph.write(work);
        } finally {
            count.incrementAndGet();
        }
    }

    public long count() {
        return count.get();
    }
}
