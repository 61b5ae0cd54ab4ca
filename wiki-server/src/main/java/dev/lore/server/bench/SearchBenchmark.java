package dev.lore.server.bench;

import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.seed.Progress;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The search benchmark: a synthetic wiki imported through Lore (graph, then index) next to plain
 * Lucene indexing the same documents, then the same queries over HTTP against Lore at 1, 8 and 32
 * concurrent clients against a yardstick doing the same work ({@link SameWorkSearch} in process
 * plus the {@link HttpFloor}); then suggestions, pages and saves ({@link EverydayRequests}), and
 * the memory in use. Prints tables; the ratios to the yardsticks measured in the same process are
 * the figures to watch (absolute times vary run to run). Not a test: it asserts nothing.
 */
public final class SearchBenchmark {
    private static final int BATCH = 200;
    private static final int[] CLIENTS = {1, 8, 32};
    /** Pages the save row edits: a multiple of the clients, so each client edits its own. */
    private static final int EDITED_PAGES = 64;

    private SearchBenchmark() {}

    /** Figures for one way of searching at one concurrency. */
    record Latency(double p50Millis, double p99Millis, double perSecond) {}

    public static void run(int articles, int requestsPerLevel, Config base, PrintStream out) throws Exception {
        Path scratch = dev.lore.server.Scratch.create("lore-bench-");
        var corpus = new SyntheticCorpus(50_000, 1.07, 42);
        var random = new Random(7);
        var queries = corpus.queries(500, random);

        // Plain Lucene on the same documents, with Lore's analyzers: the yardstick for indexing
        // and, later, for the work of one search and of one save.
        try (var plain = new SameWorkSearch(scratch.resolve("plain"))) {
            long plainStart = System.nanoTime();
            forEachDoc(corpus, articles, plain::add);
            plain.commit();
            double plainIndexPerSecond = articles / ((System.nanoTime() - plainStart) / 1e9);
            out.printf("plain Lucene indexed %d documents: %.0f docs/s%n", articles, plainIndexPerSecond);

            Config config =
                    base.withDataDir(scratch.resolve("lore")).withSeed(false).withPort(0);
            try (Lore lore = Lore.open(config)) {
                long loreStart = System.nanoTime();
                var imported = importCorpus(lore, corpus, articles, out);
                double loreImportPerSecond = articles / ((System.nanoTime() - loreStart) / 1e9);
                out.printf(
                        "Lore imported %d articles: %.0f articles/s, plain Lucene / Lore %.1fx%n",
                        articles, loreImportPerSecond, plainIndexPerSecond / loreImportPerSecond);
                inProcess(lore, requestsPerLevel, queries, out);

                var web = lore.serve();
                var http = new HttpLoad();
                String site = "http://localhost:" + web.port();
                var rows = new Rows();
                var parts = new ArrayList<String>();
                Latency floorAt8 = null;
                try (var floor = new HttpFloor()) {
                    var floorUrl = List.of(floor.url());
                    for (int clients : CLIENTS) {
                        Latency overHttp = measure(
                                clients,
                                requestsPerLevel,
                                queries,
                                q -> http.get(site + "/api/search?size=10&q="
                                        + URLEncoder.encode(q, StandardCharsets.UTF_8)));
                        Latency sameWork = measure(clients, requestsPerLevel, queries, plain::search);
                        Latency floorLatency = measure(clients, requestsPerLevel, floorUrl, http::get);
                        if (clients == EverydayRequests.CLIENTS) {
                            floorAt8 = floorLatency;
                        }
                        rows.add(
                                "search (/api/search)",
                                clients,
                                overHttp,
                                "same-work Lucene + HTTP floor",
                                Rows.plus(sameWork, floorLatency),
                                "within 2x");
                        parts.add(String.format(
                                "| %d | %.2f | %.2f | %.0f | %.2f | %.2f | %.0f |",
                                clients,
                                sameWork.p50Millis(),
                                sameWork.p99Millis(),
                                sameWork.perSecond(),
                                floorLatency.p50Millis(),
                                floorLatency.p99Millis(),
                                floorLatency.perSecond()));
                    }
                }
                // the searches above are logged in the background: written before the next rows are timed
                lore.search().flush(Duration.ofMinutes(5));
                var everyday = new EverydayRequests(lore, site, http, requestsPerLevel, floorAt8);
                everyday.suggest(imported.titles(), rows);
                everyday.pages(imported.edited(), rows);
                everyday.saves(imported.edited(), plain, rows);
                Memory memory = Memory.now();

                out.printf(
                        "%n| articles | Lore import (articles/s) | plain Lucene indexing (docs/s) | ratio |%n|---|---|---|---|%n| %d | %.0f | %.0f | %.1fx |%n",
                        articles, loreImportPerSecond, plainIndexPerSecond, plainIndexPerSecond / loreImportPerSecond);
                rows.print(out);
                out.printf(
                        "%n| clients | same-work Lucene p50 (ms) | p99 (ms) | searches/s | HTTP floor p50 (ms) | p99 (ms) | requests/s |%n|---|---|---|---|---|---|---|%n");
                parts.forEach(out::println);
                out.printf(
                        "%n| after the run | heap used after GC (MiB) | max heap (MiB) | process RSS (MiB) |%n|---|---|---|---|%n| %d articles | %d | %d | %d |%n",
                        articles, memory.heapUsedMiB(), memory.heapMaxMiB(), memory.rssMiB());
            }
        }
    }

    /** What the import left for the later rows: every title, and the pages the saves edit. */
    private record Imported(List<String> titles, List<EverydayRequests.Page> edited) {}

    private static Imported importCorpus(Lore lore, SyntheticCorpus corpus, int articles, PrintStream out) {
        var batch = new ArrayList<ArticleInput>(BATCH);
        var docs = new ArrayList<SyntheticCorpus.Doc>(BATCH);
        var titles = new ArrayList<String>(articles);
        var edited = new ArrayList<EverydayRequests.Page>();
        int wanted = Math.min(EDITED_PAGES, articles - articles % EverydayRequests.CLIENTS);
        int[] done = {0};
        Progress progress = (n, total, what) -> {
            if (n % 5_000 == 0 || n == total) {
                out.printf("Lore imported %d/%d %s%n", n, total, what);
            }
        };
        Runnable flush = () -> {
            var created = lore.articles().createBatch(batch, Lore.ADMIN_ID, Instant.now());
            for (int i = 0; i < created.size() && edited.size() < wanted; i++) {
                var a = created.get(i);
                edited.add(new EverydayRequests.Page(done[0] + i, a.slug(), docs.get(i), a.revision()));
            }
            done[0] += batch.size();
            progress.update(done[0], articles, "articles");
            batch.clear();
            docs.clear();
        };
        forEachDoc(corpus, articles, (n, doc) -> {
            titles.add(doc.title());
            docs.add(doc);
            batch.add(new ArticleInput(
                    Optional.of(doc.title()),
                    doc.body(),
                    Optional.of(doc.tags()),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("benchmark")));
            if (batch.size() == BATCH) {
                flush.run();
            }
        });
        if (!batch.isEmpty()) {
            flush.run();
        }
        lore.index().commit();
        return new Imported(titles, edited);
    }

    private static void inProcess(Lore lore, int requests, List<String> queries, PrintStream out) throws Exception {
        Latency indexOnly =
                measure(1, requests, queries, q -> lore.index().search(new dev.lore.indexer.SearchRequest(q, 0, 10)));
        Latency service = measure(
                1,
                requests,
                queries,
                q -> lore.search()
                        .search(
                                dev.lore.server.search.SearchService.query(
                                        q, List.of(), List.of(), List.of(), List.of(), "", "", 1, 10),
                                Optional.empty()));
        out.printf(
                "in process, 1 client: Lore index p50 %.1f ms p99 %.1f ms; search service p50 %.1f ms p99 %.1f ms%n",
                indexOnly.p50Millis(), indexOnly.p99Millis(), service.p50Millis(), service.p99Millis());
    }

    private static void forEachDoc(
            SyntheticCorpus corpus, int articles, BiConsumer<Integer, SyntheticCorpus.Doc> sink) {
        var random = new Random(11); // the same documents for Lore and for plain Lucene
        for (int i = 0; i < articles; i++) {
            sink.accept(i, corpus.doc(i, random));
        }
    }

    /**
     * Times {@code requests} calls of {@code call} from {@code clients} threads, after making the same
     * calls once, untimed, at the same concurrency: the JIT, caches and connection pools have seen the
     * work before it is timed. Every row and its yardstick are measured this way, so a yardstick hot
     * from earlier rows (the HTTP floor) is not compared with a request whose code is still compiling.
     */
    static <T> Latency measure(int clients, int requests, List<T> queries, Consumer<T> call) throws Exception {
        timed(clients, requests, queries, call);
        return timed(clients, requests, queries, call);
    }

    /** As {@link #measure(int, int, List, Consumer)}, warming up with {@code warmUp} (in turn) instead. */
    static <T> Latency measure(int clients, int requests, List<T> warmUp, List<T> queries, Consumer<T> call)
            throws Exception {
        for (T q : warmUp) {
            call.accept(q);
        }
        return timed(clients, requests, queries, call);
    }

    private static <T> Latency timed(int clients, int requests, List<T> queries, Consumer<T> call) throws Exception {
        long[] nanos = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(
                clients, Thread.ofPlatform().name("bench-client-", 0).factory());
        try {
            long start = System.nanoTime();
            var futures = new ArrayList<Future<?>>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int i = client; i < requests; i += clients) {
                        long t = System.nanoTime();
                        call.accept(queries.get(i % queries.size()));
                        nanos[i] = System.nanoTime() - t;
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            return new Latency(nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.99)] / 1e6, requests / seconds);
        } finally {
            pool.shutdownNow();
        }
    }
}
