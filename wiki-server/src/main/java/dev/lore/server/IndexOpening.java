package dev.lore.server;

import dev.lore.indexer.LoreIndex;
import dev.lore.server.search.EmbeddingModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index opening on its own thread (with the embedding model it loads) while the
 * database starts on the caller's. {@link #await} hands it over or rethrows why it failed;
 * {@link #closeQuietly} closes it when the start failed elsewhere, so no index stays locked.
 */
final class IndexOpening {
    private static final Logger LOG = LoggerFactory.getLogger(IndexOpening.class);

    private final CompletableFuture<LoreIndex> opened = new CompletableFuture<>();
    private volatile long took;

    private IndexOpening() {}

    static IndexOpening start(Config config) {
        var opening = new IndexOpening();
        Thread.ofPlatform().name("lore-open-index").daemon().start(() -> {
            long began = System.nanoTime();
            try {
                var index = LoreIndex.open(config.indexDir(), EmbeddingModel.load(config.semantic()));
                opening.took = System.nanoTime() - began;
                opening.opened.complete(index);
            } catch (Throwable e) {
                opening.took = System.nanoTime() - began;
                opening.opened.completeExceptionally(e);
            }
        });
        return opening;
    }

    /** The open index, once it is; what stopped it from opening is thrown as it was. */
    LoreIndex await() {
        try {
            return opened.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the search index opened", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException("cannot open the search index", e.getCause());
            }
        }
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
        boolean interrupted = false;
        while (true) {
            try {
                opened.get().close();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // it never opened: nothing to close
            } catch (RuntimeException e) {
                LOG.warn("Closing the search index after a failed start failed: {}", e.toString());
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
