package dev.lore.server;

import dev.lore.graph.Graph;
import dev.lore.graph.Settings;
import dev.lore.graph.article.ContributionHistory;
import dev.lore.server.seed.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up step that gives contributions saved before Lore kept whole-history totals their
 * lines added and removed ({@link ContributionHistory#backfill}), once per store; its progress
 * goes to the log as a bar, a line at every tenth.
 */
final class HistoryBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(Lore.class);
    /** Set once every contribution carries its lines added and removed. */
    static final String DONE = "expertise.historyTotals";

    private HistoryBackfill() {}

    /** Runs the backfill unless this store already had it; returns how many articles it recomputed. */
    static int runOnce(Graph graph, Progress progress) {
        var settings = new Settings(graph);
        if (settings.get(DONE).isPresent()) {
            return 0;
        }
        int recomputed =
                new ContributionHistory(graph).backfill((done, total) -> progress.update(done, total, "articles"));
        settings.put(DONE, "1");
        if (recomputed > 0) {
            LOG.info("Counted the lines added and removed over the whole history of {} articles", recomputed);
        }
        return recomputed;
    }

    /** A progress bar in the log: one line each time another tenth is done. */
    static Progress logged(String what) {
        int[] shown = {-1};
        return (done, total, unit) -> {
            int tenth = total == 0 ? 10 : (int) (10L * done / total);
            if (tenth != shown[0]) {
                shown[0] = tenth;
                LOG.info("{} [{}{}] {}/{} {}", what, "#".repeat(tenth), ".".repeat(10 - tenth), done, total, unit);
            }
        };
    }
}
