package dev.lore.server.search;

import dev.lore.indexer.LoreIndex;
import dev.lore.server.seed.Progress;
import java.time.Duration;

/** Waits for the index's background embedding to finish, showing how far it is (reindex, imports, evaluations). */
public final class EmbeddingWait {
    private EmbeddingWait() {}

    /** Returns once every change applied so far is embedded; {@code progress} hears every second. */
    public static void await(LoreIndex index, Progress progress) {
        if (!index.semantic()) {
            return;
        }
        LoreIndex.EmbeddingProgress start = index.embeddingProgress();
        while (!index.awaitEmbeddings(Duration.ofSeconds(1))) {
            show(index, start, progress);
        }
        show(index, start, progress);
    }

    private static void show(LoreIndex index, LoreIndex.EmbeddingProgress start, Progress progress) {
        LoreIndex.EmbeddingProgress now = index.embeddingProgress();
        long total = now.queued() - start.done();
        long done = now.done() - start.done();
        progress.update((int) Math.min(done, total), (int) total, "documents embedded");
    }
}
