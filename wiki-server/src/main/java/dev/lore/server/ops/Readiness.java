package dev.lore.server.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether this server should get traffic: the database answers, the search index has applied the
 * graph's changes (up to {@code maxIndexLag} behind), and start-up loading has finished. Unlike
 * liveness, which only says the process is up. Thread-safe.
 */
public final class Readiness {
    private final LongSupplier graphSeq;
    private final LongSupplier indexedSeq;
    private final long maxIndexLag;
    private final Supplier<Optional<String>> startup;

    /**
     * @param graphSeq the graph's change sequence; throws when the database does not answer
     * @param indexedSeq the last change the index applied
     * @param startup why start-up loading is not finished, if it is not
     */
    public Readiness(
            LongSupplier graphSeq, LongSupplier indexedSeq, long maxIndexLag, Supplier<Optional<String>> startup) {
        this.graphSeq = graphSeq;
        this.indexedSeq = indexedSeq;
        this.maxIndexLag = maxIndexLag;
        this.startup = startup;
    }

    /** The answer: ready or not, the reasons why not, and the figures behind them. */
    public record Report(boolean ready, List<String> reasons, Map<String, Object> details) {}

    public Report check() {
        var reasons = new ArrayList<String>();
        var details = new LinkedHashMap<String, Object>();
        long indexed = indexedSeq.getAsLong();
        details.put("indexedSeq", indexed);
        try {
            long seq = graphSeq.getAsLong();
            details.put("graph", "up");
            details.put("changeSeq", seq);
            long lag = Math.max(0, seq - indexed);
            details.put("indexLag", lag);
            if (lag > maxIndexLag) {
                reasons.add("search index: " + lag + (lag == 1 ? " change" : " changes") + " behind the graph");
            }
        } catch (RuntimeException e) {
            details.put("graph", "down");
            reasons.add("database: not answering (" + e.getClass().getSimpleName() + ")");
        }
        startup.get().ifPresent(reasons::add);
        return new Report(reasons.isEmpty(), List.copyOf(reasons), details);
    }

    /** How far the index is behind the graph, for the metrics; NaN when the database does not answer. */
    public double indexLag() {
        try {
            return Math.max(0, graphSeq.getAsLong() - indexedSeq.getAsLong());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
