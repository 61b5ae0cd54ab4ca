package dev.lore.server.web;

import dev.lore.graph.Graph;

/**
 * Runs a page's work in one graph read transaction ({@link Graph#inOneReadTransaction}) that every
 * read it makes joins: a page built from a dozen small reads pays for one transaction over Bolt,
 * not a dozen. The work must only read the graph (a write inside fails) and may run again if the
 * transaction is retried. Writes a page causes (a read recorded, say) happen after it or in the
 * background.
 */
@FunctionalInterface
public interface OneRead {
    /** Runs the work as it is, each read in its own transaction. */
    OneRead NONE = Runnable::run;

    void run(Runnable work);

    static OneRead of(Graph graph) {
        return work -> graph.inOneReadTransaction(() -> {
            work.run();
            return null;
        });
    }
}
