package dev.lore.server;

import dev.lore.indexer.LoreIndex;
import dev.lore.server.ops.Prepared;
import dev.lore.server.search.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index opening on its own thread (with the embedding model it loads) while the
 * database starts on the caller's. {@link #await} hands it over or rethrows why it failed;
 * {@link #closeQuietly} closes it when the start failed elsewhere, so no index stays locked.
 */
final class IndexOpening {
    private static final Logger LOG = LoggerFactory.getLogger(IndexOpening.class);

    private final Prepared<LoreIndex> opened;
    private volatile long took;

    private IndexOpening(Config config) {
        opened = Prepared.inBackground("lore-open-index", () -> {
            long began = System.nanoTime();
            try {
                return LoreIndex.open(config.indexDir(), EmbeddingModel.load(config.semantic()));
            } finally {
                took = System.nanoTime() - began;
            }
        });
    }

    static IndexOpening start(Config config) {
        return new IndexOpening(config);
    }

    /** The open index, once it is; what stopped it from opening is thrown as it was. */
    LoreIndex await() {
        return opened.get();
    }

    /** How long opening took, in nanoseconds (0 before it finished). */
    long took() {
        return took;
    }

    /**
     * Waits for the opening to end and closes the index if it opened: the start failed for another
     * reason, and the next start in this process must find the index unlocked.
     */
    void closeQuietly() {
        opened.awaitQuietly().ifPresent(index -> {
            try {
                index.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the search index after a failed start failed: {}", e.toString());
            }
        });
    }
}
