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
 * timer runs), with one writer thread and with one per core, alternately. The yardstick is plain
 * Lucene indexing the same documents with Lore's field layout on one thread, in the same process:
 * its rate against the one-thread build's says what the graph reads and the rendering add.
 */
public final class IndexBuildBenchmark {
    private static final int IMPORT_BATCH = 500;

    private IndexBuildBenchmark() {}

    public static void run(int articles, Config base, PrintStream out) throws IOException {
        Path scratch = Scratch.create("lore-bench-build-");
        var corpus = new SyntheticCorpus(50_000, 1.07, 42);
        out.printf("bench-scale build: %d articles; load average %s%n", articles, loadAverage());
        Config config =
                base.withDataDir(scratch.resolve("lore")).withSeed(false).withPort(0);
        try (Lore lore = Lore.open(config)) {
            long started = System.nanoTime();
            importArticles(lore, corpus, articles, out);
            double importSeconds = seconds(started);
            out.printf(
                    "imported %d articles in %.1f s (%.0f articles/s, graph and index)%n",
                    articles, importSeconds, articles / importSeconds);
            int threads = Runtime.getRuntime().availableProcessors();
            // a first build warms the JIT up; then one writer thread (the build as it was) and all
            // cores, alternately, so both see the same load
            build(lore, articles, threads, "warm-up", out);
            var one = new ArrayList<Double>();
            var all = new ArrayList<Double>();
            for (int round = 0; round < 2; round++) {
                one.add(build(lore, articles, 1, "1 writer thread", out));
                all.add(build(lore, articles, threads, threads + " writer threads", out));
            }
            double plain = plainLucene(scratch.resolve("plain"), corpus, articles);
            double best1 = one.stream().mapToDouble(d -> d).max().orElseThrow();
            double bestAll = all.stream().mapToDouble(d -> d).max().orElseThrow();
            out.printf(
                    "fresh index build, best of 2: 1 writer thread %.0f articles/s, %d writer threads %.0f articles/s"
                            + " (%.2fx); plain Lucene, one thread, same documents %.0f docs/s; load average %s%n",
                    best1, threads, bestAll, bestAll / best1, plain, loadAverage());
        }
    }

    private static void importArticles(Lore lore, SyntheticCorpus corpus, int articles, PrintStream out) {
        var random = new Random(11); // the same documents as plain Lucene
        var batch = new ArrayList<ArticleInput>(IMPORT_BATCH);
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
    }

    /** One build of the whole index from the graph with {@code threads} writer threads; articles a second. */
    private static double build(Lore lore, int articles, int threads, String what, PrintStream out) {
        lore.index().writerThreads(threads);
        long cpuBefore = cpuNanos();
        long started = System.nanoTime();
        int applied = lore.sync().rebuild();
        double seconds = seconds(started);
        double cpuMillis = (cpuNanos() - cpuBefore) / 1e6;
        out.printf(
                "fresh index build, %s: %d changes in %.1f s, %.0f articles/s, CPU %.1f ms per article"
                        + " (this JVM, its database included); load average %s%n",
                what, applied, seconds, articles / seconds, cpuMillis / articles, loadAverage());
        return articles / seconds;
    }

    /** Plain Lucene indexing the same documents with Lore's field layout on one thread, warm: documents a second. */
    private static double plainLucene(Path dir, SyntheticCorpus corpus, int articles) throws IOException {
        try (var plain = new SameWorkSearch(dir)) {
            var random = new Random(11);
            long started = System.nanoTime();
            for (int i = 0; i < articles; i++) {
                plain.add(i, corpus.doc(i, random));
            }
            plain.commit();
            return articles / seconds(started);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
