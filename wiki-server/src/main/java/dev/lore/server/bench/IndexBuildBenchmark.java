package dev.lore.server.bench;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.Scratch;
import dev.lore.server.article.ArticleInput;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Random;

/**
 * What a server started on an empty data directory spends building its search index from the
 * graph: a synthetic wiki is imported (in batches, as bulk imports do), then the index is emptied
 * and built again from the graph ({@code IndexSync.rebuild}, the same catch-up a fresh server's
 * timer runs). The yardstick is plain Lucene indexing the same documents with Lore's field layout,
 * in the same process: its rate against the build's says what the graph reads and the rendering
 * add on top of Lucene.
 */
public final class IndexBuildBenchmark {
    private static final int IMPORT_BATCH = 500;

    private IndexBuildBenchmark() {}

    public static void run(int articles, Config base, PrintStream out) throws IOException {
        Path scratch = Scratch.create("lore-bench-build-");
        var corpus = new SyntheticCorpus(50_000, 1.07, 42);
        out.printf("bench-scale build: %d articles; load average %s%n", articles, loadAverage());
        double plainPerSecond;
        try (var plain = new SameWorkSearch(scratch.resolve("plain"))) {
            var random = new Random(11);
            long started = System.nanoTime();
            for (int i = 0; i < articles; i++) {
                plain.add(i, corpus.doc(i, random));
            }
            plain.commit();
            plainPerSecond = articles / seconds(started);
        }
        Config config =
                base.withDataDir(scratch.resolve("lore")).withSeed(false).withPort(0);
        try (Lore lore = Lore.open(config)) {
            var random = new Random(11); // the same documents as plain Lucene
            var batch = new ArrayList<ArticleInput>(IMPORT_BATCH);
            long started = System.nanoTime();
            for (int i = 0; i < articles; i++) {
                SyntheticCorpus.Doc doc = corpus.doc(i, random);
                batch.add(new ArticleInput(
                        Optional.of(doc.title()),
                        doc.body(),
                        Optional.of(doc.tags()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("benchmark")));
                if (batch.size() == IMPORT_BATCH || i == articles - 1) {
                    lore.articles().createBatch(batch, Lore.ADMIN_ID, Instant.now());
                    batch.clear();
                    if ((i + 1) % 10_000 == 0) {
                        out.printf("imported %d/%d (load average %s)%n", i + 1, articles, loadAverage());
                    }
                }
            }
            double importSeconds = seconds(started);
            out.printf(
                    "imported %d articles in %.1f s (%.0f articles/s, graph and index)%n",
                    articles, importSeconds, articles / importSeconds);
            for (int round = 1; round <= 2; round++) { // the first round also warms the JIT up
                long buildStarted = System.nanoTime();
                int applied = lore.sync().rebuild();
                double buildSeconds = seconds(buildStarted);
                out.printf(
                        "fresh index build %d: %d changes from the graph in %.1f s: %.0f articles/s;"
                                + " plain Lucene %.0f docs/s (%.1fx the build); load average %s%n",
                        round,
                        applied,
                        buildSeconds,
                        articles / buildSeconds,
                        plainPerSecond,
                        plainPerSecond / (articles / buildSeconds),
                        loadAverage());
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
